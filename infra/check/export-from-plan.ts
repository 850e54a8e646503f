/**
 * Builds `pulumi stack export` documents (deployment version 3) from offline plans, so `audit` can
 * be exercised on the reference organisation and benchmarked on generated ones: inputs keep the
 * wire format with secrets encrypted as the CLI exports them (ciphertext only), provider
 * references are `<urn>::<id>`.
 */
import type { PlannedResource } from "../engine/monitor";
import { SECRET_SIG, SECRET_VALUE } from "./export-file";

/** Secrets as an export holds them: no plaintext, an opaque ciphertext. */
export function encryptSecrets(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(encryptSecrets);
    if (v === null || typeof v !== "object") return v;
    const o = v as Record<string, unknown>;
    if (o[SECRET_SIG] === SECRET_VALUE) {
        return { [SECRET_SIG]: SECRET_VALUE, ciphertext: `v1:${Buffer.from(JSON.stringify(o.value ?? null)).toString("base64").slice(0, 24)}` };
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = encryptSecrets(x);
    return out;
}

/** One stack's export document from its planned resources (unknown inputs, as in preview, are dropped). */
export function exportFromPlan(plan: { resources: readonly PlannedResource[] }): Record<string, unknown> {
    const ids = new Map(plan.resources.map((r) => [r.urn, r.id]));
    return {
        version: 3,
        deployment: {
            manifest: { time: "2026-01-01T00:00:00Z", magic: "offline-plan", version: "v3.248.0" },
            secrets_providers: { type: "passphrase", state: { salt: "v1:offline" } },
            resources: plan.resources.map((r) => {
                const e: Record<string, unknown> = {
                    urn: r.urn,
                    custom: r.custom,
                    type: r.type,
                    inputs: encryptSecrets(r.wireInputs),
                    outputs: r.outputs,
                    created: "2026-01-01T00:00:00Z",
                    modified: "2026-01-01T00:00:00Z",
                };
                if (r.custom && r.id) e.id = r.id;
                if (r.protect) e.protect = true;
                if (r.parent) e.parent = r.parent;
                if (r.provider) e.provider = `${r.provider}::${ids.get(r.provider) ?? "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}`;
                if (r.dependencies.length) e.dependencies = r.dependencies;
                if (Object.keys(r.propertyDependencies).length) e.propertyDependencies = r.propertyDependencies;
                return e;
            }),
        },
    };
}
