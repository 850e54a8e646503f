import * as fs from "fs";
import * as path from "path";
import { LineCounter, parseDocument } from "yaml";
import { ConfigError } from "./errors";
import type { OrgModel } from "./model";
import { parseOrg } from "./org";

/** Where the organisation facts live unless a stack sets `lz:orgFile`. */
export const DEFAULT_ORG_FILE = "stacks/org.yaml";

/**
 * Parses YAML text. Syntax errors become a ConfigError naming the file, line and column, since a
 * stack trace into the YAML library helps nobody. The positions come from a LineCounter: with
 * `prettyErrors: false` the library leaves `linePos` empty, and with `prettyErrors: true` it folds
 * a code frame into the message.
 */
export function parseYaml(text: string, file: string): unknown {
    const lines = new LineCounter();
    const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter: lines });
    if (doc.errors.length > 0) {
        throw new ConfigError(
            doc.errors.map((e) => {
                const pos = lines.linePos(e.pos[0]);
                return { file, path: `line ${pos.line}, column ${pos.col}`, message: e.message.split("\n")[0] };
            }),
        );
    }
    return doc.toJS();
}

/** Reads and validates the organisation file. `file` is shown in messages; `root` resolves it. */
export function loadOrg(root: string, file: string = DEFAULT_ORG_FILE): OrgModel {
    const abs = path.resolve(root, file);
    let text: string;
    try {
        text = fs.readFileSync(abs, "utf8");
    } catch (e) {
        throw new ConfigError([{ file, path: "", message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); create it or point lz:orgFile at it` }]);
    }
    return parseOrg(parseYaml(text, file), file);
}

/**
 * Turns the `config:` map of a `Pulumi.<stack>.yaml` file into the flat `ns:key` → string map that
 * the Pulumi engine hands a program (maps and lists JSON-encoded, scalars as strings).
 */
export function flattenStackConfig(raw: unknown, file: string): Record<string, string> {
    if (raw === null || raw === undefined) return {};
    if (typeof raw !== "object" || Array.isArray(raw)) {
        throw new ConfigError([{ file, path: "", message: "must be a map with a config: key" }]);
    }
    const doc = raw as Record<string, unknown>;
    const unknownTop = Object.keys(doc).filter((k) => !["config", "encryptionsalt", "secretsprovider", "encryptedkey", "environment"].includes(k));
    if (unknownTop.length > 0) {
        throw new ConfigError(unknownTop.map((k) => ({ file, path: k, message: "unknown key; a stack file holds config: (and Pulumi's own secrets/environment keys)" })));
    }
    const config = doc.config ?? {};
    if (typeof config !== "object" || Array.isArray(config) || config === null) {
        throw new ConfigError([{ file, path: "config", message: "must be a map of ns:key values" }]);
    }
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(config as Record<string, unknown>)) {
        const key = k.includes(":") ? k : `lz:${k}`;
        if (v !== null && typeof v === "object" && "secure" in (v as object)) {
            out[key] = "[secret]";
        } else {
            out[key] = typeof v === "string" ? v : JSON.stringify(v);
        }
    }
    return out;
}
