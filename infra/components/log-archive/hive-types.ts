/**
 * Column types of the Glue tables, written as data and rendered to the Hive type strings Glue and
 * Athena expect (`struct<type:string,arn:string>`), so nested CloudTrail fields stay readable.
 */
export type HiveType = "string" | "int" | "bigint" | "double" | "boolean" | { readonly struct: Readonly<Record<string, HiveType>> } | { readonly array: HiveType } | { readonly map: HiveType };

export interface Column {
    readonly name: string;
    readonly type: HiveType;
}

/** `struct<a:string,b:array<string>>`, `map<string,string>` (maps are keyed by string). */
export function renderType(t: HiveType): string {
    if (typeof t === "string") return t;
    if ("struct" in t) return `struct<${Object.entries(t.struct).map(([k, v]) => `${k}:${renderType(v)}`).join(",")}>`;
    if ("array" in t) return `array<${renderType(t.array)}>`;
    return `map<string,${renderType(t.map)}>`;
}

/** Every column of a flat list is a `string`. */
export function strings(...names: string[]): Column[] {
    return names.map((name) => ({ name, type: "string" }));
}
