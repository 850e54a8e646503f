/** How rule messages list values. */

/** `"a", "b"` */
export function quoted(xs: readonly string[]): string {
    return xs.map((x) => `"${x}"`).join(", ");
}

/** `"a", "b" or "c"` */
export function alternatives(xs: readonly string[]): string {
    const q = xs.map((x) => `"${x}"`);
    return q.length > 1 ? `${q.slice(0, -1).join(", ")} or ${q[q.length - 1]}` : q.join("");
}
