/**
 * Reads a `pulumi stack export` file (deployment version 3) into the resources the pack evaluates.
 * Inputs become the analyzed properties as the engine sends them (wire format: secrets stay secret
 * objects, masked in messages); `provider` references (`<urn>::<id>`) keep their URN part. Damaged
 * entries are skipped with a warning naming the resource; a file that cannot be read at all is an
 * ExportError with a one-line message.
 */
import * as fs from "fs";
import type { EvalResource } from "../../policy-pack/harness/evaluate";

export const SECRET_SIG = "4dabf18193072939515e22adb298388d";
export const SECRET_VALUE = "1b47061264138c4ac30d75fd1eb44270";

export class ExportError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "ExportError";
    }
}

export interface ExportedStack {
    /** Stack name from the root `pulumi:pulumi:Stack` URN (`<project>-<stack>` name), else the file name. */
    readonly stack: string;
    readonly resources: EvalResource[];
    readonly warnings: string[];
}

/** The stack's name as the root resource's URN holds it: `urn:pulumi:<stack>::<project>::…`. */
function stackNameOf(resources: EvalResource[], fallback: string): string {
    const root = resources.find((r) => r.type === "pulumi:pulumi:Stack") ?? resources[0];
    const m = root ? /^urn:pulumi:([^:]+)::/.exec(root.urn) : null;
    return m ? m[1] : fallback;
}

/** Encrypted secrets have no readable value: keep them secret, with the ciphertext withheld. */
function unwrapSecrets(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(unwrapSecrets);
    if (v === null || typeof v !== "object") return v;
    const o = v as Record<string, unknown>;
    if (o[SECRET_SIG] === SECRET_VALUE) {
        if ("plaintext" in o && typeof o.plaintext === "string") {
            try {
                return { [SECRET_SIG]: SECRET_VALUE, value: unwrapSecrets(JSON.parse(o.plaintext)) };
            } catch {
                return { [SECRET_SIG]: SECRET_VALUE, value: o.plaintext };
            }
        }
        if ("value" in o) return { [SECRET_SIG]: SECRET_VALUE, value: unwrapSecrets(o.value) };
        return { [SECRET_SIG]: SECRET_VALUE, value: "[secret]" };
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = unwrapSecrets(x);
    return out;
}

function strings(v: unknown): string[] {
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** The resources of a parsed export; entries that are not resources are skipped with a warning. */
export function exportResources(doc: unknown, file: string): ExportedStack {
    if (doc === null || typeof doc !== "object") throw new ExportError(`${file}: not a stack export (expected a JSON object)`);
    const d = doc as Record<string, unknown>;
    const deployment = d.deployment as Record<string, unknown> | undefined;
    if (typeof d.version !== "number" || !deployment || typeof deployment !== "object") {
        throw new ExportError(`${file}: not a stack export (expected { version, deployment: { resources } } from \`pulumi stack export\`)`);
    }
    if (d.version !== 3) throw new ExportError(`${file}: deployment version ${d.version} is not supported (expected 3)`);
    const list = deployment.resources ?? [];
    if (!Array.isArray(list)) throw new ExportError(`${file}: deployment.resources is not a list`);
    const warnings: string[] = [];
    const resources: EvalResource[] = [];
    const seen = new Set<string>();
    list.forEach((raw, i) => {
        const r = (raw ?? {}) as Record<string, unknown>;
        const urn = r.urn;
        if (typeof urn !== "string" || !urn.startsWith("urn:pulumi:")) {
            warnings.push(`${file}: resource #${i} has no valid urn; skipped`);
            return;
        }
        const type = typeof r.type === "string" ? r.type : urn.split("::")[2]?.split("$").pop();
        if (!type) {
            warnings.push(`${file}: ${urn} has no type; skipped`);
            return;
        }
        if (r.delete === true || r.pendingReplacement === true) return; // awaiting deletion: not part of the stack
        if (seen.has(urn)) {
            warnings.push(`${file}: ${urn} appears twice; the first entry is used`);
            return;
        }
        const inputs = r.inputs ?? {};
        if (inputs === null || typeof inputs !== "object" || Array.isArray(inputs)) {
            warnings.push(`${file}: ${urn} has inputs that are not an object; skipped`);
            return;
        }
        seen.add(urn);
        const name = urn.slice(urn.lastIndexOf("::") + 2);
        const pd: Record<string, string[]> = {};
        if (r.propertyDependencies && typeof r.propertyDependencies === "object") {
            for (const [k, v] of Object.entries(r.propertyDependencies as Record<string, unknown>)) pd[k] = strings(v);
        }
        resources.push({
            urn,
            type,
            name,
            props: unwrapSecrets(inputs) as Record<string, unknown>,
            parent: typeof r.parent === "string" ? r.parent : undefined,
            provider: typeof r.provider === "string" ? r.provider : undefined,
            dependencies: strings(r.dependencies),
            propertyDependencies: pd,
            protect: r.protect === true,
            custom: r.custom !== false,
        });
    });
    const fallback = file.replace(/^.*[\\/]/, "").replace(/\.json$/, "");
    return { stack: stackNameOf(resources, fallback), resources, warnings };
}

/** Reads and parses one export file. */
export function readExport(file: string): ExportedStack {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new ExportError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch (e) {
        throw new ExportError(`${file}: not valid JSON (${(e as Error).message})`);
    }
    return exportResources(doc, file);
}
