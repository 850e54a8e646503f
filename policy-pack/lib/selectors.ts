/**
 * CloudTrail event selectors, basic (`eventSelectors`) and advanced (`advancedEventSelectors`),
 * read into one shape: which management events a trail records and which data-event resource types.
 */
import type { Res } from "./rule";
import { get, isUnknown, list, plain, str, bool, UNKNOWN, type Unknown } from "./values";

export interface SelectorFacts {
    /** Management events recorded for both reads and writes (by at least one selector). */
    readonly managementAll: boolean;
    /** Event sources excluded from management events (e.g. kms.amazonaws.com). */
    readonly excludedSources: readonly string[];
    /** Data-event resource types recorded (AWS::S3::Object, AWS::Lambda::Function, ...). */
    readonly dataTypes: readonly string[];
}

function strings(v: unknown): string[] {
    const l = list(v);
    return isUnknown(l) ? [] : l.filter((e): e is string => typeof e === "string");
}

/** Facts about a trail's selectors, or UNKNOWN when a selector list is not known yet. */
export function selectorFacts(trail: Res): SelectorFacts | Unknown {
    const basic = list(trail.props.eventSelectors);
    const advanced = list(trail.props.advancedEventSelectors);
    if (isUnknown(basic) || isUnknown(advanced)) return UNKNOWN;
    if (!basic.length && !advanced.length) return { managementAll: true, excludedSources: [], dataTypes: [] };
    let managementAll = false;
    const excluded: string[] = [];
    const dataTypes: string[] = [];
    for (const s of basic) {
        const include = bool(get(s, "includeManagementEvents"));
        const rw = str(get(s, "readWriteType"));
        if (isUnknown(include) || isUnknown(rw)) return UNKNOWN;
        if (include !== false && (rw === undefined || rw === "All")) {
            managementAll = true;
            excluded.push(...strings(get(s, "excludeManagementEventSources")));
        }
        const resources = list(get(s, "dataResources"));
        if (isUnknown(resources)) return UNKNOWN;
        for (const d of resources) {
            const t = str(get(d, "type"));
            if (typeof t === "string") dataTypes.push(t);
        }
    }
    for (const s of advanced) {
        const fields = list(get(s, "fieldSelectors"));
        if (isUnknown(fields)) return UNKNOWN;
        const byField = new Map<string, Record<string, unknown>>();
        for (const f of fields) {
            const name = str(get(f, "field"));
            if (isUnknown(name)) return UNKNOWN;
            if (typeof name === "string" && f && typeof f === "object") byField.set(name, f as Record<string, unknown>);
        }
        const category = strings(byField.get("eventCategory")?.equals);
        if (category.includes("Management")) {
            if (!byField.has("readOnly")) {
                managementAll = true;
                excluded.push(...strings(byField.get("eventSource")?.notEquals));
            }
        } else if (category.includes("Data")) {
            dataTypes.push(...strings(byField.get("resources.type")?.equals));
        }
    }
    return { managementAll, excludedSources: [...new Set(excluded)], dataTypes: [...new Set(dataTypes.map((t) => String(plain(t))))] };
}
