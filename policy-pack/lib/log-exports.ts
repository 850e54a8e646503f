/**
 * Database engines (RDS, Aurora, DocumentDB, Neptune) publish logs to CloudWatch Logs through a list
 * of exported log types on the cluster or instance; rules compare it with the types they require.
 */
import type { Res } from "./rule";
import { isUnknown, list, str, type Unknown } from "./values";

/** The string entries of a configured list (anything else in it is ignored; the config schema rejects it). */
export function configuredList(v: unknown): string[] {
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x !== "") : [];
}

/** Which of `required` the list property `prop` of `r` does not export; `UNKNOWN` when the list is unknown in preview. */
export function missingExports(r: Res, prop: string, required: readonly string[]): string[] | Unknown {
    const exported = list(r.props[prop]);
    if (isUnknown(exported)) return exported;
    const have = new Set(exported.map((x) => str(x)));
    return required.filter((x) => !have.has(x));
}

