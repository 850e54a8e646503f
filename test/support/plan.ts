/**
 * Shared harness for stack and component tests: plans stacks of the reference organisation (or of a
 * generated one), or a program creating components, under the offline engine, and finds resources
 * in a plan. Plans of the reference org are cached per process and mode, since every stack test
 * reads them.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { stringify } from "yaml";
import { discoverStacks, readProject, type ProjectSource } from "../../infra/engine/stacks";
import { planStacks, withPredecessors } from "../../infra/engine/plan";
import { runStack, type StackPlan } from "../../infra/engine/run";
import type { PlannedResource } from "../../infra/engine/monitor";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

const cache = new Map<string, Promise<StackPlan[]>>();

/** Plans every stack of the reference org (`stacks/`), in deploy order. */
export function planReference(o: { preview?: boolean } = {}): Promise<StackPlan[]> {
    const key = `ref:${Boolean(o.preview)}`;
    if (!cache.has(key)) {
        const project = readProject(REPO_ROOT);
        cache.set(key, planStacks(project, discoverStacks(project), { preview: Boolean(o.preview) }));
    }
    return cache.get(key)!;
}

/** The plan of one stack of the reference org. */
export async function referenceStack(stack: string, o: { preview?: boolean } = {}): Promise<StackPlan> {
    const plan = (await planReference(o)).find((p) => p.stack === stack);
    if (!plan) throw new Error(`no stack ${stack} in the reference org`);
    return plan;
}

/**
 * Plans stacks of a generated organisation: writes `org` as the org file and one stack file per
 * entry of `stacks` into a temporary project (a copy of Pulumi.yaml), then plans `targets` (and
 * their predecessors).
 */
export async function planGenerated(
    org: unknown,
    stacks: Record<string, Record<string, unknown>>,
    targets: readonly string[],
    o: { preview?: boolean } = {},
): Promise<StackPlan[]> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "lz-org-"));
    try {
        fs.mkdirSync(path.join(root, "stacks"));
        fs.copyFileSync(path.join(REPO_ROOT, "Pulumi.yaml"), path.join(root, "Pulumi.yaml"));
        fs.writeFileSync(path.join(root, "stacks", "org.yaml"), stringify(org));
        for (const [name, config] of Object.entries(stacks)) {
            fs.writeFileSync(path.join(root, "stacks", `Pulumi.${name}.yaml`), stringify({ config }));
        }
        const project: ProjectSource = readProject(root);
        const all = discoverStacks(project);
        const plans = await planStacks(project, withPredecessors(all, targets), { preview: Boolean(o.preview) });
        return plans.filter((p) => targets.includes(p.stack));
    } finally {
        fs.rmSync(root, { recursive: true, force: true });
    }
}

/** Runs a program creating components under the offline engine (update mode), as `account`. */
export function planComponent(program: () => unknown, account: string): Promise<StackPlan> {
    return runStack({ project: "lz", stack: "component-test", preview: false, config: {}, program, defaultAccount: account });
}

/** Resources of a plan with the given type token. */
export function ofType(plan: StackPlan, type: string): PlannedResource[] {
    return plan.resources.filter((r) => r.type === type);
}

/** The one resource with this logical name (fails loudly when absent or ambiguous). */
export function byName(plan: StackPlan, name: string): PlannedResource {
    const found = plan.resources.filter((r) => r.name === name);
    if (found.length !== 1) throw new Error(`expected one resource named ${name} in ${plan.stack}, found ${found.length}`);
    return found[0];
}

/** Regions resources are bound to (the v7 `region` input), sorted. */
export function regionsOf(rs: readonly PlannedResource[]): string[] {
    return rs.map((r) => String(r.inputs.region)).sort();
}

/** A policy-document input of a planned resource, parsed. */
export function policyOf(r: PlannedResource, key = "policy"): any {
    return JSON.parse(String(r.inputs[key]));
}

/** The reference org file as a plain object, for tests that mutate it. */
export function referenceOrg(): Record<string, any> {
    const { parse } = require("yaml") as typeof import("yaml");
    return parse(fs.readFileSync(path.join(REPO_ROOT, "stacks", "org.yaml"), "utf8"));
}

/**
 * The reference org with other enabled regions and `members` generated member accounts
 * (`workload-<i>`, ids 600000000000 + i): the input of size tests.
 */
export function generatedOrg(regions: readonly string[], members = 2): Record<string, any> {
    const o = referenceOrg();
    o.regions = [...regions];
    return withMembers(
        o,
        Array.from({ length: members }, (_, i) => ({ name: `workload-${i}`, id: String(600000000000 + i), email: `aws-workload-${i}@acme.example`, ou: "Workloads/Prod" })),
    );
}

/**
 * The org file `o` with other member accounts: the reference log canary account (workload-prod) is not
 * among them, so the canary falls back to its default, the first member.
 */
export function withMembers(o: Record<string, any>, members: readonly Record<string, unknown>[]): Record<string, any> {
    o.accounts.members = [...members];
    if (o.health?.logCanary) delete o.health.logCanary.account;
    // The reference playbooks' scope is an OU of members: keep it only where one of the new members lives
    // (the org file refuses an OU no account is in), and switch off a playbook left with no scope.
    const ous = members.map((m) => String(m.ou));
    for (const p of Object.values<any>(o.response?.playbooks ?? {})) {
        p.organizationalUnits = (p.organizationalUnits ?? []).filter((ou: string) => ous.some((m) => m === ou || m.startsWith(`${ou}/`)));
        if (p.organizationalUnits.length === 0 && (p.accounts ?? []).length === 0) p.mode = "off";
    }
    return o;
}
