/**
 * Inputs marshalled the way the engine marshals them for analyzers: resource references become the
 * id (custom) or URN, output values their plain value, unknown or secret; undefined is dropped.
 */
import { structproto } from "./analyzer";

const SIG = "4dabf18193072939515e22adb298388d";
const SIG_SECRET = "1b47061264138c4ac30d75fd1eb44270";
const SIG_RESOURCE = "5cf8f73096256a8f31e491e813e4eb8e";
const SIG_OUTPUT = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function marshal(v: unknown): unknown {
    if (v === undefined) return undefined;
    if (v === null || typeof v === "string" || typeof v === "boolean") return v;
    if (typeof v === "number") return Number.isFinite(v) ? v : null;
    if (Array.isArray(v)) return v.map((e) => {
        const m = marshal(e);
        return m === undefined ? null : m;
    });
    if (typeof v === "object") {
        const o = v as Record<string, unknown>;
        if (o[SIG] === SIG_RESOURCE) {
            return typeof o.id === "string" && o.id !== "" ? o.id : typeof o.urn === "string" ? o.urn : null;
        }
        if (o[SIG] === SIG_OUTPUT) {
            const inner = o.value === undefined ? UNKNOWN : marshal(o.value);
            return o.secret ? { [SIG]: SIG_SECRET, value: inner ?? null } : inner;
        }
        const out: Record<string, unknown> = {};
        for (const [k, e] of Object.entries(o)) {
            const m = marshal(e);
            if (m !== undefined) out[k] = m;
        }
        return out;
    }
    return String(v);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function struct(props: Record<string, unknown>): any {
    return structproto.Struct.fromJavaScript((marshal(props) ?? {}) as Record<string, unknown>);
}

/** A provider reference (`urn::id`) or plain URN → the provider's URN. */
export function providerUrn(ref: string | undefined): string | undefined {
    if (!ref) return undefined;
    const parts = ref.split("::");
    return parts.length > 4 ? parts.slice(0, 4).join("::") : ref;
}

