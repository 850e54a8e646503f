/**
 * The organisations docs/cost.md estimates, planned for real: the reference organisation (`stacks/`)
 * under its own profile and under `profile: essential`, and a generated organisation of 100 member
 * accounts in the 17 regions every account has enabled by default.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse, stringify } from "yaml";
import { playbooksIn } from "../config/settings/response";
import { DEFAULT_ENABLED_REGIONS } from "../config/regions";
import { planStacks, withPredecessors } from "../engine/plan";
import type { StackPlan } from "../engine/run";
import { discoverStacks, readProject, type StackSource } from "../engine/stacks";
import { sizeOf } from "../estimate/estimate-context";
import { estimatePlans, type PlanEstimate } from "../estimate/plan-estimate";
import { stackModels } from "../estimate/stack-models";

export const LARGE_ORG = { members: 100, regions: DEFAULT_ENABLED_REGIONS } as const;

/** A copy of the reference project with the org file changed by `edit` and a member stack for every account (core ones included). */
function writeProject(repoRoot: string, root: string, edit: (org: Record<string, any>) => void): void {
    fs.mkdirSync(path.join(root, "stacks"), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, "Pulumi.yaml"), path.join(root, "Pulumi.yaml"));
    for (const f of fs.readdirSync(path.join(repoRoot, "stacks")).filter((x) => !x.startsWith("Pulumi.member-"))) {
        fs.copyFileSync(path.join(repoRoot, "stacks", f), path.join(root, "stacks", f));
    }
    const org = parse(fs.readFileSync(path.join(root, "stacks", "org.yaml"), "utf8"));
    edit(org);
    fs.writeFileSync(path.join(root, "stacks", "org.yaml"), stringify(org));
    const core = ["management", "logArchive", "security"].map((k) => ({ name: org.accounts[k].name ?? (k === "logArchive" ? "log-archive" : k) }));
    for (const m of [...core, ...(org.accounts.members as { name: string }[])]) {
        fs.writeFileSync(path.join(root, "stacks", `Pulumi.member-${m.name}.yaml`), stringify({ config: { "lz:role": "member", "lz:account": m.name } }));
    }
}

async function inProject<T>(repoRoot: string, edit: (org: Record<string, any>) => void, run: (root: string, sources: StackSource[]) => Promise<T>): Promise<T> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "lz-cost-"));
    try {
        writeProject(repoRoot, root, edit);
        return await run(root, discoverStacks(readProject(root)));
    } finally {
        fs.rmSync(root, { recursive: true, force: true });
    }
}

/** The estimate of planned stacks of a project folder. */
function estimateOf(root: string, sources: readonly StackSource[], plans: readonly StackPlan[], replicas = new Map<string, string>()): PlanEstimate {
    const { org, models } = stackModels(root, sources);
    const byStack = new Map(plans.map((p) => [p.stack, p]));
    return estimatePlans(
        sources.map((s) => ({ model: models.get(s.stack)!, resources: byStack.get(replicas.get(s.stack) ?? s.stack)!.resources })),
        org,
    );
}

/** The reference organisation as `stacks/` holds it (`plans`: its plans, when the caller has them). */
export async function referenceEstimate(repoRoot: string, plans?: readonly StackPlan[]): Promise<PlanEstimate> {
    const project = readProject(repoRoot);
    const sources = discoverStacks(project);
    return estimateOf(repoRoot, sources, plans ?? (await planStacks(project, sources, { preview: false })));
}

/** The reference organisation with `profile: essential` in its org file. */
export function essentialEstimate(repoRoot: string): Promise<PlanEstimate> {
    return inProject(
        repoRoot,
        (org) => (org.profile = "essential"),
        async (root, sources) => estimateOf(root, sources, await planStacks(readProject(root), sources, { preview: false })),
    );
}

/**
 * The reference org file `org` (parsed) grown to `members` generated workload accounts
 * (`workload-001`…, alternately in Workloads/Prod and Workloads/Dev) in `regions`: the large
 * organisation of the cost page and of `npm run bench`.
 */
export function growOrg(org: Record<string, any>, members: number, regions: readonly string[]): void {
    org.regions = [...regions];
    org.accounts.members = Array.from({ length: members }, (_, i) => ({
        name: `workload-${String(i + 1).padStart(3, "0")}`,
        id: String(100000000000 + i + 1),
        email: `aws-workload-${i + 1}@acme.example`,
        ou: i % 2 ? "Workloads/Dev" : "Workloads/Prod",
    }));
    // The reference canary account is not among the generated members: the first member sends it.
    if (org.health?.logCanary) delete org.health.logCanary.account;
}

/**
 * The reference organisation grown to 100 member accounts in 17 regions. Planning 103 member stacks
 * of ~750 resources takes minutes, and workload members of one workload size differ only in account
 * ids and names: one member stack is planned per workload size, set of response playbooks in scope
 * and log-canary duty (and the three core accounts' own
 * member stacks, which differ), and its plan stands for every member of that size. A test shows the
 * estimate equals the full plan's on a smaller generated organisation.
 */
export function largeEstimate(repoRoot: string, o: { members?: number; regions?: readonly string[]; planEveryMember?: boolean } = {}): Promise<PlanEstimate> {
    const members = o.members ?? LARGE_ORG.members;
    const regions = o.regions ?? LARGE_ORG.regions;
    return inProject(
        repoRoot,
        (org) => growOrg(org, members, regions),
        async (root, sources) =>
            o.planEveryMember ? estimateOf(root, sources, await planStacks(readProject(root), sources, { preview: false })) : representativeEstimate(root, sources),
    );
}

/** Plans the non-member stacks, the core accounts' member stacks and one workload member per size and playbook scope; estimates every stack. */
export async function representativeEstimate(root: string, sources: readonly StackSource[]): Promise<PlanEstimate> {
    const { org } = stackModels(root, sources);
    const core = new Set([org.management.name, org.logArchive.name, org.security.name]);
    const replicas = new Map<string, string>();
    const representative = new Map<string, string>();
    for (const s of sources.filter((x) => x.role === "member")) {
        const account = org.accounts.find((a) => a.name === s.config["lz:account"]);
        if (account === undefined || core.has(account.name)) continue;
        // Members differ by workload size, by the response playbooks whose scope they are in (their roles)
        // and by whether they send the log canary.
        const canary = org.health.logCanary?.account.name === account.name;
        const kind = `${sizeOf(org, account)}|${playbooksIn(org.response, account.name).join(",")}|${canary ? "canary" : ""}`;
        if (!representative.has(kind)) representative.set(kind, s.stack);
        else replicas.set(s.stack, representative.get(kind)!);
    }
    const planned = sources.filter((s) => !replicas.has(s.stack));
    const plans = await planStacks(readProject(root), withPredecessors(sources, planned.map((s) => s.stack)), { preview: false });
    return estimateOf(root, sources, plans, replicas);
}
