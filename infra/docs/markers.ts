/** Generated blocks in hand-written Markdown: the text between two marker comments, replaced by `npm run docs`. */

/** `text` with everything from `begin` to `end` (markers included) replaced by `block`, which carries the markers itself. */
export function replaceGenerated(text: string, begin: string, end: string, block: string, file: string): string {
    const start = text.indexOf(begin);
    const stop = text.indexOf(end);
    if (start < 0 || stop < start) throw new Error(`${file}: the markers ${begin} and ${end} are missing`);
    return text.slice(0, start) + block + text.slice(stop + end.length);
}
