/**
 * The JSON object a landing-zone function reads its configuration from (an environment variable
 * the stack that deploys it writes). Throws one line naming the variable when it is unset, not
 * JSON, or not an object; the caller then checks the fields and lists every problem at once.
 */
export function parseJsonVariable(name: string, text: string | undefined): Record<string, unknown> {
    if (text === undefined) throw new Error(`${name} is not set`);
    let raw: unknown;
    try {
        raw = JSON.parse(text);
    } catch (e) {
        throw new Error(`${name} is not JSON: ${(e as Error).message}`);
    }
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new Error(`${name} is not a JSON object`);
    return raw as Record<string, unknown>;
}
