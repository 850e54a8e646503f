/**
 * A small evaluator of CloudWatch Logs metric filter patterns for JSON log events (the syntax AWS
 * documents as `{ $.selector op value }`): `=`, `!=`, `<`, `>`, `<=`, `>=`, `*` wildcards in string
 * values, `NOT EXISTS`, `IS NULL`, `IS TRUE`/`IS FALSE`, `&&`, `||` and parentheses. No npm library
 * evaluates these patterns, and a CIS alarm whose pattern silently never matches is the failure the
 * tests guard against, so patterns are parsed strictly: anything outside the syntax throws.
 *
 * Semantics chosen where AWS is terse: a comparison on a selector the event does not have is false,
 * for `!=` too (only `NOT EXISTS` matches an absent field); `&&` binds tighter than `||`.
 */
type Value = { kind: "string"; text: string } | { kind: "number"; n: number };
type Node =
    | { kind: "and" | "or"; left: Node; right: Node }
    | { kind: "cmp"; path: Step[]; op: "=" | "!=" | "<" | ">" | "<=" | ">="; value: Value }
    | { kind: "test"; path: Step[]; test: "NOT EXISTS" | "IS NULL" | "IS TRUE" | "IS FALSE" };
type Step = string | number;

interface Token {
    readonly t: "(" | ")" | "{" | "}" | "&&" | "||" | "op" | "sel" | "str" | "word";
    readonly v: string;
    readonly at: number;
}

function tokenize(src: string): Token[] {
    const out: Token[] = [];
    let i = 0;
    while (i < src.length) {
        const c = src[i];
        if (/\s/.test(c)) {
            i++;
        } else if ("(){}".includes(c)) {
            out.push({ t: c as Token["t"], v: c, at: i });
            i++;
        } else if (src.startsWith("&&", i) || src.startsWith("||", i)) {
            out.push({ t: src.slice(i, i + 2) as Token["t"], v: src.slice(i, i + 2), at: i });
            i += 2;
        } else if (/^(!=|<=|>=|=|<|>)/.test(src.slice(i))) {
            const op = /^(!=|<=|>=|=|<|>)/.exec(src.slice(i))![1];
            out.push({ t: "op", v: op, at: i });
            i += op.length;
        } else if (c === '"') {
            let j = i + 1;
            let text = "";
            while (j < src.length && src[j] !== '"') {
                if (src[j] === "\\" && j + 1 < src.length) {
                    text += src[j + 1];
                    j += 2;
                } else {
                    text += src[j++];
                }
            }
            if (j >= src.length) throw new Error(`metric filter: unterminated string at ${i}`);
            out.push({ t: "str", v: text, at: i });
            i = j + 1;
        } else if (c === "$") {
            const m = /^\$(\.[A-Za-z_][A-Za-z0-9_\-]*|\[\d+\])*/.exec(src.slice(i))!;
            if (m[0].length === 1) throw new Error(`metric filter: empty selector at ${i}`);
            out.push({ t: "sel", v: m[0], at: i });
            i += m[0].length;
        } else {
            const m = /^[A-Za-z0-9_.\-:*/@+]+/.exec(src.slice(i));
            if (!m) throw new Error(`metric filter: unexpected ${JSON.stringify(c)} at ${i}`);
            out.push({ t: "word", v: m[0], at: i });
            i += m[0].length;
        }
    }
    return out;
}

function parsePath(sel: string): Step[] {
    const steps: Step[] = [];
    const re = /\.([A-Za-z_][A-Za-z0-9_\-]*)|\[(\d+)\]/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(sel.slice(1)))) steps.push(m[1] !== undefined ? m[1] : Number(m[2]));
    return steps;
}

/** Parses a JSON metric filter pattern; throws on anything outside the supported syntax. */
export function parseMetricFilter(pattern: string): Node {
    const toks = tokenize(pattern);
    let p = 0;
    const peek = () => toks[p];
    const expect = (t: Token["t"]) => {
        const tok = toks[p];
        if (!tok || tok.t !== t) throw new Error(`metric filter: expected ${t} at ${tok ? tok.at : "end"} in ${pattern}`);
        p++;
        return tok;
    };
    const orExpr = (): Node => {
        let left = andExpr();
        while (peek()?.t === "||") {
            p++;
            left = { kind: "or", left, right: andExpr() };
        }
        return left;
    };
    const andExpr = (): Node => {
        let left = term();
        while (peek()?.t === "&&") {
            p++;
            left = { kind: "and", left, right: term() };
        }
        return left;
    };
    const term = (): Node => {
        if (peek()?.t === "(") {
            p++;
            const inner = orExpr();
            expect(")");
            return inner;
        }
        const path = parsePath(expect("sel").v);
        const next = peek();
        if (next?.t === "word" && (next.v === "NOT" || next.v === "IS")) {
            p++;
            const second = expect("word").v;
            const test = `${next.v} ${second}`;
            if (!["NOT EXISTS", "IS NULL", "IS TRUE", "IS FALSE"].includes(test)) throw new Error(`metric filter: unknown test ${test} at ${next.at}`);
            return { kind: "test", path, test: test as "NOT EXISTS" };
        }
        const op = expect("op").v as "=";
        const v = toks[p++];
        if (!v || (v.t !== "str" && v.t !== "word")) throw new Error(`metric filter: expected a value after ${op} in ${pattern}`);
        const numeric = v.t === "word" && /^-?\d+(\.\d+)?$/.test(v.v);
        const value: Value = numeric ? { kind: "number", n: Number(v.v) } : { kind: "string", text: v.v };
        if (value.kind === "string" && !["=", "!="].includes(op)) throw new Error(`metric filter: ${op} needs a number, got ${JSON.stringify(v.v)}`);
        return { kind: "cmp", path, op, value };
    };
    expect("{");
    const root = orExpr();
    expect("}");
    if (p !== toks.length) throw new Error(`metric filter: unexpected ${toks[p].v} at ${toks[p].at} in ${pattern}`);
    return root;
}

function lookup(event: unknown, path: Step[]): unknown {
    let cur: unknown = event;
    for (const step of path) {
        if (cur === null || typeof cur !== "object") return undefined;
        if (typeof step === "number") {
            if (!Array.isArray(cur)) return undefined;
            cur = cur[step];
        } else {
            if (Array.isArray(cur) || !Object.prototype.hasOwnProperty.call(cur, step)) return undefined;
            cur = (cur as Record<string, unknown>)[step];
        }
    }
    return cur;
}

function glob(pattern: string, text: string): boolean {
    const re = new RegExp(`^${pattern.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, "s");
    return re.test(text);
}

function compare(field: unknown, op: string, value: Value): boolean {
    if (field === undefined || field === null || typeof field === "object") return false;
    if (value.kind === "number") {
        if (typeof field !== "number") {
            if (op === "=") return String(field) === String(value.n);
            if (op === "!=") return String(field) !== String(value.n);
            return false;
        }
        switch (op) {
            case "=": return field === value.n;
            case "!=": return field !== value.n;
            case "<": return field < value.n;
            case ">": return field > value.n;
            case "<=": return field <= value.n;
            default: return field >= value.n;
        }
    }
    const matched = glob(value.text, String(field));
    return op === "=" ? matched : !matched;
}

function evaluate(node: Node, event: unknown): boolean {
    switch (node.kind) {
        case "and": return evaluate(node.left, event) && evaluate(node.right, event);
        case "or": return evaluate(node.left, event) || evaluate(node.right, event);
        case "cmp": return compare(lookup(event, node.path), node.op, node.value);
        case "test": {
            const v = lookup(event, node.path);
            if (node.test === "NOT EXISTS") return v === undefined;
            if (node.test === "IS NULL") return v === null;
            return v === (node.test === "IS TRUE");
        }
    }
}

/** Whether a JSON log event matches a metric filter pattern. */
export function matchesMetricFilter(pattern: string, event: unknown): boolean {
    return evaluate(parseMetricFilter(pattern), event);
}
