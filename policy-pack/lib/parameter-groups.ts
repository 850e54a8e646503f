/**
 * Some database logging is switched on in a parameter group, not on the database: PostgreSQL's
 * `log_statement`, DocumentDB's `audit_logs`, Neptune's `neptune_enable_audit_log`. A database names
 * its group (`parameterGroupName`, `dbClusterParameterGroupName`, ...), and the group is usually
 * created in the same program, so a rule follows the name (or the property dependency, when the
 * name is built from the group's output) to the group and reads the parameter there.
 */
import type { Res, StackFindings, StackView } from "./rule";
import { get, isUnknown, list, plain, str, UNKNOWN, type Unknown } from "./values";

export type GroupRef =
    /** No group named: the engine's default group, whose logging switches are off. */
    | { readonly kind: "default"; readonly name?: string }
    /** Named by a value unknown in preview that no dependency ties to a group of this stack. */
    | { readonly kind: "unknown" }
    /** A group this stack creates. */
    | { readonly kind: "managed"; readonly group: Res }
    /** A group created elsewhere (another stack, the console): this stack cannot see its parameters. */
    | { readonly kind: "external"; readonly name: string };

/** AWS names its default groups `default.<family>` (e.g. `default.postgres16`); they cannot be modified. */
const DEFAULT_PREFIX = "default.";

/** The parameter group `db` uses through its property `prop`, among groups of `groupTypes`. */
export function groupOf(stack: StackView, db: Res, prop: string, groupTypes: readonly string[]): GroupRef {
    const types = new Set(groupTypes);
    for (const urn of db.propertyDependencies[prop] ?? []) {
        const g = stack.byUrn(urn);
        if (g && types.has(g.type)) return { kind: "managed", group: g };
    }
    const name = str(db.get(prop));
    if (isUnknown(name)) return { kind: "unknown" };
    if (name === undefined || name.trim() === "") return { kind: "default" };
    const byName = stack.memo(`groups-by-name:${groupTypes.join("|")}`, () => {
        const m = new Map<string, Res>();
        for (const g of stack.ofType(groupTypes)) {
            const n = plain(g.props.name);
            if (typeof n === "string" && n !== "" && !m.has(n)) m.set(n, g);
        }
        return m;
    });
    const group = byName.get(name);
    if (group) return { kind: "managed", group };
    return name.startsWith(DEFAULT_PREFIX) ? { kind: "default", name } : { kind: "external", name };
}

/**
 * A parameter's value in a group's `parameters` list (parameter names compared case-insensitively,
 * numbers and booleans read as the strings AWS stores): `UNKNOWN` when the list, or an entry that
 * could be this parameter, is unknown in preview; `undefined` when the group does not set it.
 */
export function parameterValue(group: Res, name: string): string | Unknown | undefined {
    const entries = list(group.props.parameters);
    if (isUnknown(entries)) return UNKNOWN;
    const wanted = name.toLowerCase();
    let undecided = false;
    let found: string | undefined;
    for (const e of entries) {
        const n = str(get(e, "name"));
        if (isUnknown(n)) {
            undecided = true;
            continue;
        }
        if (n === undefined || n.toLowerCase() !== wanted) continue;
        const v = plain(get(e, "value"));
        if (isUnknown(v)) return UNKNOWN;
        // The provider rejects duplicate names; the last entry would win if it did not.
        if (typeof v === "string") found = v;
        else if (typeof v === "number" && Number.isFinite(v)) found = String(v);
        else if (typeof v === "boolean") found = v ? "1" : "0";
    }
    if (found !== undefined) return found;
    return undecided ? UNKNOWN : undefined;
}

/** How a group reference reads in a message. */
export function describeGroup(ref: GroupRef): string {
    switch (ref.kind) {
        case "managed":
            return `parameter group ${ref.group.name}`;
        case "external":
            return `parameter group "${ref.name}"`;
        case "default":
            return ref.name ? `the default parameter group "${ref.name}"` : "the engine's default parameter group";
        default:
            return "its parameter group";
    }
}

/** One logging switch a database needs in its parameter group. */
export interface GroupParameterCheck {
    /** The database, and how messages name it ("cluster docs"). */
    readonly db: Res;
    readonly what: string;
    /** What the switch turns on, for messages ("query logging", "auditing"). */
    readonly topic: string;
    /** The database's property naming its group, and the Pulumi class of such a group. */
    readonly prop: string;
    readonly groupClass: string;
    readonly parameter: string;
    readonly accepts: (value: string) => boolean;
    /** The accepted values as a message puts them (`"ddl", "mod" or "all"`). */
    readonly wanted: string;
    /** The value in the engine's default group (`"none"`, `disabled`). */
    readonly defaultValue: string;
    /** The `parameters` entry that fixes it. */
    readonly fix: string;
}

/** Judges one parameter of the group `ref` a database uses, reporting on the database. */
export function checkGroupParameter(ref: GroupRef, c: GroupParameterCheck, f: StackFindings): void {
    if (ref.kind === "unknown") return f.unknown(c.db, `${c.prop} of ${c.what}`);
    if (ref.kind === "external") {
        return f.advise(c.db, `Cannot judge ${c.topic} of ${c.what}: it uses ${describeGroup(ref)}, which this stack does not create. Make sure that group sets ${c.parameter} to ${c.wanted}, or create the group in this stack.`);
    }
    if (ref.kind === "default") {
        return f.fail(c.db, `Turn on ${c.topic} for ${c.what}: it uses ${describeGroup(ref)}, where ${c.parameter} is ${c.defaultValue}. Create an ${c.groupClass} with \`${c.fix}\` in \`parameters\` and set \`${c.prop}\` to its name.`);
    }
    const v = parameterValue(ref.group, c.parameter);
    if (isUnknown(v)) return f.unknown(c.db, `${c.parameter} in parameter group ${ref.group.name}`);
    if (v !== undefined && c.accepts(v)) return;
    const now = v === undefined ? `not set, so ${c.defaultValue}` : `"${v}"`;
    f.fail(c.db, `Set ${c.parameter} to ${c.wanted} in parameter group ${ref.group.name}, which ${c.what} uses (it is ${now}): add \`${c.fix}\` to its \`parameters\`.`);
}
