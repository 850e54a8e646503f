/**
 * Pulumi's wire format (the protobuf Struct a program sends the engine) turned into plain JSON for
 * plans: unknown values become `null`, secrets `"[secret]"`, resource references their URN, assets
 * and archives a short description. Keys are sorted so plans are byte-identical run to run.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SIG_SECRET = "1b47061264138c4ac30d75fd1eb44270";
export const SIG_RESOURCE = "5cf8f73096256a8f31e491e813e4eb8e";
export const SIG_ASSET = "c44067f5952c0a294b673a41bacd8c17";
export const SIG_ARCHIVE = "0def7320c3a5731c473e5ecbe6d01bc7";
export const SIG_OUTPUT = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
export const SECRET_MASK = "[secret]";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function wireToPlain(value: unknown): Json {
    if (value === null || value === undefined) return null;
    if (value === UNKNOWN) return null;
    if (Array.isArray(value)) return value.map(wireToPlain);
    if (typeof value === "object") {
        const obj = value as Record<string, unknown>;
        switch (obj[SIG_KEY]) {
            case SIG_SECRET:
                return SECRET_MASK;
            case SIG_RESOURCE:
                return typeof obj.urn === "string" ? obj.urn : null;
            case SIG_ASSET:
                return { asset: (obj.path ?? obj.uri ?? (obj.text !== undefined ? "<text>" : null)) as Json };
            case SIG_ARCHIVE:
                return { archive: (obj.path ?? obj.uri ?? (obj.assets !== undefined ? "<assets>" : null)) as Json };
            case SIG_OUTPUT:
                return obj.secret ? SECRET_MASK : obj.value === undefined ? null : wireToPlain(obj.value);
        }
        const out: { [key: string]: Json } = {};
        for (const key of Object.keys(obj).sort()) {
            out[key] = wireToPlain(obj[key]);
        }
        return out;
    }
    if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
    return String(value);
}

/**
 * A stack's outputs as the engine hands them to a later stack's StackReference: Pulumi's wire format
 * with secrets still wrapped (so they stay secret downstream) and values the run left unknown (a
 * preview) still the unknown sentinel (so they stay unknown downstream); resource references become
 * their URN, output values their value (or the sentinel when unknown).
 */
export function wireToReference(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(wireToReference);
    if (value !== null && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        switch (obj[SIG_KEY]) {
            case SIG_SECRET:
                return { [SIG_KEY]: SIG_SECRET, value: wireToReference(obj.value) };
            case SIG_RESOURCE:
                return obj.urn;
            case SIG_OUTPUT: {
                const inner = obj.value === undefined ? UNKNOWN : wireToReference(obj.value);
                return obj.secret ? { [SIG_KEY]: SIG_SECRET, value: inner } : inner;
            }
            case SIG_ASSET:
            case SIG_ARCHIVE:
                return obj;
        }
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(obj)) out[k] = wireToReference(v);
        return out;
    }
    return value;
}

/** Whether a wire value is or holds a secret. */
export function containsSecret(value: unknown): boolean {
    if (Array.isArray(value)) return value.some(containsSecret);
    if (value !== null && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        if (obj[SIG_KEY] === SIG_SECRET) return true;
        if (obj[SIG_KEY] === SIG_OUTPUT && obj.secret === true) return true;
        return Object.values(obj).some(containsSecret);
    }
    return false;
}
