/** What a piece of code writes to the process's stdout or stderr, for tests of command output. */
export async function captured<T>(stream: "stdout" | "stderr", f: () => Promise<T>): Promise<{ value: T; text: string }> {
    const target = process[stream];
    const write = target.write;
    let text = "";
    target.write = ((chunk: string | Uint8Array) => {
        text += String(chunk);
        return true;
    }) as typeof target.write;
    try {
        return { value: await f(), text };
    } finally {
        target.write = write;
    }
}
