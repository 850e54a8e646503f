/**
 * Stack-export fixtures built from the reference organisation's plans: the stacks that plan on
 * their own today (management, log-archive, security), written as `pulumi stack export` files.
 */
import * as fs from "fs";
import * as path from "path";
import { exportFromPlan } from "../../../infra/check/export-from-plan";
import { planStacks, withPredecessors } from "../../../infra/engine/plan";
import { discoverStacks, readProject } from "../../../infra/engine/stacks";
import { REPO_ROOT } from "../../support/plan";

export const REFERENCE_EXPORT_STACKS = ["management", "log-archive", "security"];

let cached: Promise<Record<string, Record<string, any>>> | undefined;

/** Export documents by stack name (cached per process; callers must not mutate them). */
export function referenceExports(): Promise<Record<string, Record<string, any>>> {
    cached ??= (async () => {
        const project = readProject(REPO_ROOT);
        const plans = await planStacks(project, withPredecessors(discoverStacks(project), REFERENCE_EXPORT_STACKS), { preview: false });
        const out: Record<string, Record<string, any>> = {};
        for (const p of plans) if (REFERENCE_EXPORT_STACKS.includes(p.stack)) out[p.stack] = exportFromPlan(p);
        return out;
    })();
    return cached;
}

/** Writes documents as `<dir>/<name>.json`; returns the paths. */
export function writeExports(dir: string, docs: Record<string, unknown>): string[] {
    return Object.entries(docs).map(([name, doc]) => {
        const file = path.join(dir, `${name}.json`);
        fs.writeFileSync(file, JSON.stringify(doc));
        return file;
    });
}
