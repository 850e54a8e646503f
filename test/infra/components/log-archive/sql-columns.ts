/**
 * A small check of the saved queries' SQL against the Glue table they read: it tokenises the
 * statement, requires the one `FROM` to name the expected table, and resolves every identifier
 * that is not a keyword, a function call or an output alias to a column or partition key of the
 * table, following `a.b.c` through struct fields. `CROSS JOIN UNNEST(<array column>) AS t (names…)`
 * is followed too: the argument must be an array column, and the names become columns of the
 * element's type (Trino expands an array of structs into one column per field, in order, so there
 * must be one name per field). Enough to catch a misspelt or undeclared column, which Athena would
 * only report when an investigator runs the query.
 */

/** A parsed Hive type: only structs have fields a query can reach with `.`; arrays keep their element type for UNNEST. */
export type HiveNode =
    | { readonly kind: "struct"; readonly fields: ReadonlyMap<string, HiveNode> }
    | { readonly kind: "array"; readonly element: HiveNode }
    | { readonly kind: "map" | "primitive" };

/** Parses a Glue column type such as `struct<type:string,attrs:struct<mfa:string>>`. */
export function parseHiveType(text: string): HiveNode {
    let i = 0;
    const peekWord = () => /^[a-z_][a-z0-9_]*/i.exec(text.slice(i))?.[0] ?? "";
    const expect = (c: string) => {
        if (text[i] !== c) throw new Error(`type ${JSON.stringify(text)}: expected "${c}" at ${i}`);
        i++;
    };
    const parse = (): HiveNode => {
        const word = peekWord().toLowerCase();
        if (!word) throw new Error(`type ${JSON.stringify(text)}: expected a type at ${i}`);
        i += word.length;
        if (word === "struct") {
            expect("<");
            const fields = new Map<string, HiveNode>();
            for (;;) {
                const name = peekWord().toLowerCase();
                i += name.length;
                expect(":");
                fields.set(name, parse());
                if (text[i] === ",") i++;
                else break;
            }
            expect(">");
            return { kind: "struct", fields };
        }
        if (word === "array") {
            expect("<");
            const element = parse();
            expect(">");
            return { kind: "array", element };
        }
        if (word === "map") {
            expect("<");
            parse();
            expect(",");
            parse();
            expect(">");
            return { kind: "map" };
        }
        return { kind: "primitive" };
    };
    const node = parse();
    if (i !== text.length) throw new Error(`type ${JSON.stringify(text)}: unexpected text at ${i}`);
    return node;
}

export interface TableSchema {
    /** `"db"."table"` as the query must name it. */
    readonly qualifiedName: string;
    readonly columns: readonly { readonly name: string; readonly type: string }[];
    readonly partitionKeys: readonly { readonly name: string; readonly type: string }[];
}

const KEYWORDS = new Set(
    ["select", "from", "where", "and", "or", "not", "in", "is", "null", "as", "order", "by", "group", "having", "desc", "asc", "limit", "like", "distinct", "case", "when", "then", "else", "end", "between", "current_date", "true", "false"],
);
/** Functions the saved queries may call (Athena engine 3 / Trino). */
export const FUNCTIONS = new Set(["json_extract_scalar", "date_format", "date_add", "coalesce", "count", "sum", "min", "max", "lower", "upper", "from_unixtime"]);

type Token = { readonly kind: "string" | "ident" | "word" | "number" | "symbol"; readonly text: string };

export function tokenize(sql: string): Token[] {
    const out: Token[] = [];
    const re = /\s+|--[^\n]*|'(?:[^']|'')*'|"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?|<>|<=|>=|!=|\|\||[(),.*=<>+\-/%?]/y;
    let i = 0;
    while (i < sql.length) {
        re.lastIndex = i;
        const m = re.exec(sql);
        if (!m) throw new Error(`unexpected character ${JSON.stringify(sql[i])} at ${i}`);
        const t = m[0];
        i += t.length;
        if (/^\s/.test(t) || t.startsWith("--")) continue;
        if (t.startsWith("'")) out.push({ kind: "string", text: t });
        else if (t.startsWith('"')) out.push({ kind: "ident", text: t.slice(1, -1).replace(/""/g, '"') });
        else if (/^[A-Za-z_]/.test(t)) out.push({ kind: "word", text: t });
        else if (/^\d/.test(t)) out.push({ kind: "number", text: t });
        else out.push({ kind: "symbol", text: t });
    }
    return out;
}

/** Problems with the statement's table and column references (empty when it reads only what the table declares). */
export function columnProblems(sql: string, table: TableSchema): string[] {
    const problems: string[] = [];
    let tokens: Token[];
    try {
        tokens = tokenize(sql);
    } catch (e) {
        return [(e as Error).message];
    }
    const top = new Map<string, HiveNode>();
    for (const c of [...table.columns, ...table.partitionKeys]) top.set(c.name.toLowerCase(), parseHiveType(c.type));

    // The FROM clause: exactly one, naming the expected table.
    const froms = tokens.map((t, i) => (t.kind === "word" && t.text.toLowerCase() === "from" ? i : -1)).filter((i) => i >= 0);
    if (froms.length !== 1) problems.push(`expected one FROM, found ${froms.length}`);
    const skip = new Set<number>();
    for (const f of froms) {
        const parts: string[] = [];
        let j = f + 1;
        while (tokens[j] && (tokens[j].kind === "ident" || tokens[j].kind === "word")) {
            parts.push(`"${tokens[j].text}"`);
            skip.add(j);
            if (tokens[j + 1]?.text !== ".") break;
            skip.add(j + 1);
            j += 2;
        }
        if (parts.join(".") !== table.qualifiedName) problems.push(`FROM names ${parts.join(".") || "nothing"}, expected ${table.qualifiedName}`);
    }

    // CROSS JOIN UNNEST(<array column>) AS <alias> (<name>, …): the names become columns of the element's type.
    tokens.forEach((t, i) => {
        const word = (k: number) => (tokens[k]?.kind === "word" ? tokens[k].text.toLowerCase() : undefined);
        if (word(i) === "join" && !(word(i - 1) === "cross" && word(i + 1) === "unnest")) problems.push("only CROSS JOIN UNNEST(…) is checked, not other joins");
        if (word(i) !== "unnest") return;
        if (!(word(i - 1) === "join" && word(i - 2) === "cross")) problems.push("UNNEST outside CROSS JOIN UNNEST(…) is not checked");
        skip.add(i - 1).add(i - 2).add(i);
        let j = i + 1;
        const arg: string[] = [];
        if (tokens[j]?.text === "(") j++;
        while (tokens[j] && tokens[j].text !== ")") {
            if (tokens[j].kind === "word" || tokens[j].kind === "ident") arg.push(tokens[j].text.toLowerCase());
            else if (tokens[j].text !== ".") {
                problems.push(`UNNEST takes one array column, found ${JSON.stringify(tokens[j].text)}`);
                return;
            }
            skip.add(j++);
        }
        j++; // ")"
        let node = top.get(arg[0] ?? "");
        for (const f of arg.slice(1)) node = node?.kind === "struct" ? node.fields.get(f) : undefined;
        const shown = `UNNEST(${arg.join(".")})`;
        if (word(j) !== "as" || !tokens[j + 1] || tokens[j + 2]?.text !== "(") {
            problems.push(`${shown}: expected AS <alias> (<column names>)`);
            return;
        }
        skip.add(j).add(j + 1);
        const names: string[] = [];
        for (j += 3; tokens[j] && tokens[j].text !== ")"; j++) if (tokens[j].text !== ",") names.push(tokens[j].text.toLowerCase());
        // On a problem the names still become (untyped) columns, so their uses are not reported again.
        let types: (readonly [string, HiveNode])[] = names.map((n) => [n, { kind: "primitive" }] as const);
        if (!node || node.kind !== "array") problems.push(`${shown}: ${node ? "not an array" : `${arg.join(".")} is not declared by ${table.qualifiedName}`}`);
        else {
            const element = node.element;
            const fields = element.kind === "struct" ? [...element.fields.entries()] : [[arg[arg.length - 1], element] as const];
            if (names.length === fields.length) types = fields;
            else problems.push(`${shown}: ${names.length} column name(s) for ${fields.length} ${element.kind === "struct" ? `struct field(s) (${fields.map(([k]) => k).join(", ")})` : "element column"}`);
        }
        names.forEach((n, k) => {
            if (top.has(n)) problems.push(`${shown}: column name ${n} hides a column of ${table.qualifiedName}`);
            else top.set(n, types[k][1]);
        });
    });

    const aliases = new Set<string>();
    tokens.forEach((t, i) => {
        if (t.kind === "word" && t.text.toLowerCase() === "as" && tokens[i + 1]) aliases.add(tokens[i + 1].text.toLowerCase());
    });

    for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        if (skip.has(i) || (t.kind !== "word" && t.kind !== "ident")) continue;
        const path = [t.text.toLowerCase()];
        let j = i;
        while (tokens[j + 1]?.text === "." && (tokens[j + 2]?.kind === "word" || tokens[j + 2]?.kind === "ident")) {
            path.push(tokens[j + 2].text.toLowerCase());
            j += 2;
        }
        i = j;
        if (t.kind === "word" && path.length === 1 && KEYWORDS.has(path[0])) continue;
        if (tokens[j + 1]?.text === "(") {
            if (path.length > 1 || !FUNCTIONS.has(path[0])) problems.push(`unknown function ${path.join(".")}`);
            continue;
        }
        if (t.kind === "word" && path.length === 1 && aliases.has(path[0])) continue;
        let node = top.get(path[0]);
        if (!node) {
            problems.push(`column ${path[0]} is not declared by ${table.qualifiedName}`);
            continue;
        }
        for (let k = 1; k < path.length; k++) {
            const next: HiveNode | undefined = node.kind === "struct" ? node.fields.get(path[k]) : undefined;
            if (!next) {
                problems.push(`${path.join(".")}: ${path[k]} is not a field of ${path.slice(0, k).join(".")}`);
                break;
            }
            node = next;
        }
    }
    return problems;
}
