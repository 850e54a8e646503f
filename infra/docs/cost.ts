/**
 * docs/cost.md: what the landing zone costs and how long it takes to deploy, for the reference
 * organisation (and its `essential` profile) and a 100-account, 17-region organisation, generated
 * from real plans by `npm run docs`; a test regenerates it and compares.
 */
import { WORKLOAD_SIZES, WORKLOAD_VOLUMES } from "../config/settings/estimate";
import { CREATE_SECONDS, DEFAULT_CREATE_SECONDS, IMPORT_SECONDS } from "../estimate/create-latency";
import { DEFAULT_PARALLEL, RUNNER_CORES } from "../estimate/deploy-time";
import { FREE_TYPES } from "../estimate/free-types";
import type { PlanEstimate } from "../estimate/plan-estimate";
import { PRICE_DATE, PRICE_REGION } from "../estimate/prices";
import { PRICING_RULES } from "../estimate/pricing-rules";
import { REGIONAL_MULTIPLIERS } from "../estimate/regional-multipliers";
import { duration, estimateHeading, linesTable, pricesTable, stacksTable, usd } from "../estimate/render-estimate";
import * as workflow from "../estimate/workflow-time";
import { LARGE_ORG } from "./cost-organisations";

export interface CostDocInput {
    readonly reference: PlanEstimate;
    readonly essential: PlanEstimate;
    readonly large: PlanEstimate;
}

function workflowLines(e: PlanEstimate): string[] {
    const w = e.organisation.workflow;
    return [
        "| stage | stacks | first deploy | baseline change |",
        "|---|---:|---:|---:|",
        ...w.phases.map((p) => `| ${p.name} | ${p.stacks || ""} | ${duration(p.firstDeploySeconds)} | ${duration(p.changeSeconds)} |`),
        `| **organisation** | ${e.stacks.length} | **${duration(w.firstDeploySeconds)}** | **${duration(w.changeSeconds)}** |`,
    ];
}

function organisationSection(title: string, e: PlanEstimate, stackRows: number, intro: string): string[] {
    return [
        `## ${title}`,
        "",
        intro,
        "",
        `_${estimateHeading(e)}._`,
        "",
        `**${usd(e.organisation.monthlyUsd)} a month.**`,
        "",
        ...stacksTable(e.stacks, stackRows),
        "",
        "Top ten cost lines:",
        "",
        ...linesTable(e.organisation.lines.slice(0, 10)),
        "",
        "Deploy workflow (`.github/workflows/deploy.yml`; reviewers' approvals not counted):",
        "",
        ...workflowLines(e),
        "",
        `Critical path of the slowest stack (\`${slowest(e).stack}\`): ${slowest(e).deploy.criticalPath.map((n) => `\`${n}\``).join(" → ")}.`,
        "",
    ];
}

function slowest(e: PlanEstimate) {
    return [...e.stacks].sort((a, b) => b.deploy.seconds - a.deploy.seconds)[0];
}

function essentialSection(full: PlanEstimate, essential: PlanEstimate): string[] {
    const before = new Map(full.organisation.lines.map((l) => [l.key, l]));
    const after = new Map(essential.organisation.lines.map((l) => [l.key, l]));
    const keys = [...new Set([...before.keys(), ...after.keys()])];
    const rows = keys
        .map((k) => ({ item: (before.get(k) ?? after.get(k))!.item, full: before.get(k)?.monthlyUsd ?? 0, essential: after.get(k)?.monthlyUsd ?? 0 }))
        .filter((r) => Math.abs(r.full - r.essential) >= 0.005)
        .sort((a, b) => b.full - b.essential - (a.full - a.essential));
    const saved = full.organisation.monthlyUsd - essential.organisation.monthlyUsd;
    return [
        "## The `essential` profile",
        "",
        "`profile: essential` in `stacks/org.yaml` keeps the organisation trail's management events, Config, GuardDuty's",
        "foundational detection, Security Hub, Access Analyzer, the log pipeline and alerting, and turns off Macie, Detective,",
        "Inspector, GuardDuty's protection plans and CloudTrail data events and Insights (docs/config-reference.md).",
        "",
        `| reference organisation | USD/month |`,
        "|---|---:|",
        `| profile \`${full.profile}\` | ${usd(full.organisation.monthlyUsd)} |`,
        `| profile \`essential\` | ${usd(essential.organisation.monthlyUsd)} |`,
        `| **saved** | **${usd(saved)}** (${Math.round((saved / full.organisation.monthlyUsd) * 100)}%) |`,
        "",
        "| line | full | essential | saved |",
        "|---|---:|---:|---:|",
        ...rows.map((r) => `| ${r.item} | ${usd(r.full)} | ${usd(r.essential)} | ${usd(r.full - r.essential)} |`),
        "",
    ];
}

function volumesTable(): string[] {
    return [
        `| volume (per account and region, a month) | ${WORKLOAD_SIZES.join(" | ")} |`,
        `|---|${WORKLOAD_SIZES.map(() => "---:").join("|")}|`,
        ...Object.entries(WORKLOAD_VOLUMES).map(([k, v]) => `| \`${k}\`: ${v.doc} | ${WORKLOAD_SIZES.map((s) => v[s].toLocaleString("en-US")).join(" | ")} |`),
    ];
}

function coverageTable(): string[] {
    const rows = [
        ...PRICING_RULES.flatMap((r) => r.types.map((t) => [t, `priced by rule \`${r.id}\``])),
        ...Object.entries(FREE_TYPES).map(([t, why]) => [t, `free: ${why}`]),
    ].sort((a, b) => a[0].localeCompare(b[0]));
    return ["| resource type | how the estimate counts it |", "|---|---|", ...rows.map(([t, how]) => `| \`${t}\` | ${how} |`)];
}

/** The whole of docs/cost.md. */
export function renderCostDoc(i: CostDocInput): string {
    const lines = [
        "# What it costs and how long it takes",
        "",
        "Generated by `npm run docs` from real plans (`npm run plan -- --estimate` prints the same for any configuration);",
        "a test fails when this file is out of date. Every figure is an **estimate**: planned resources × the usage volumes",
        `below × a dated price table (${PRICE_DATE}, ${PRICE_REGION}). Replace the volumes with your own (\`estimate:\` in`,
        "`stacks/org.yaml`) before you quote a figure; AWS Cost Explorer and the GuardDuty and Security Hub usage pages",
        "give the real ones after a month.",
        "",
        "How lines are booked: a line belongs to the stack whose resource causes the usage. Organisation-wide services",
        "(GuardDuty, Security Hub, Inspector, Macie, Detective, the organisation trail) are booked to `security`, for every",
        "account of the org file in every region they are on; Config recording, the log subscription and access-log staging",
        "to each `member-*` stack; storage in the archive to the source that writes it (steady state: each month's logs in",
        "Standard, Glacier Instant Retrieval and Deep Archive for as long as the archive's lifecycle keeps them there, never",
        "less than the Object Lock). The workloads' own usage (their log groups' ingestion, their S3 requests) is not the",
        "landing zone's and is not counted.",
        "",
        ...organisationSection(
            "Reference organisation",
            i.reference,
            Infinity,
            `\`stacks/\`: ${i.reference.stacks.length} stacks, ${i.reference.accounts} accounts in ${i.reference.regions.length} regions (${i.reference.regions.join(", ")}), every account \`${i.reference.workload}\`.`,
        ),
        ...essentialSection(i.reference, i.essential),
        ...organisationSection(
            `${LARGE_ORG.members} member accounts in ${LARGE_ORG.regions.length} regions`,
            i.large,
            8,
            `The reference organisation with ${LARGE_ORG.members} workload accounts (${LARGE_ORG.members + 3} accounts) in the ${LARGE_ORG.regions.length} regions enabled by default (${LARGE_ORG.regions.join(", ")}), every account \`${i.large.workload}\`. Workload member stacks of one size differ only in ids and names, so one is planned per size and stands for the others (a test checks this gives the full plan's estimate).`,
        ),
        "## Usage volumes",
        "",
        "Defaults per workload size (`estimate.workload`, per account `estimate.accounts.<name>`); `estimate.volumes.<size>.<key>` overrides one.",
        "",
        ...volumesTable(),
        "",
        "## Prices",
        "",
        `First-tier prices in ${PRICE_REGION} as of ${PRICE_DATE}; volume discounts are not applied (very large accounts are over-, never under-estimated).`,
        "“checked” means a stored copy of the AWS page, or of a page quoting it, confirmed the figure when the table was compiled; the",
        "others could not be checked offline and are AWS's published prices as last known to the authors. Update",
        "`infra/estimate/prices.ts` and its date together.",
        "",
        ...pricesTable(),
        "",
        "Regional multipliers (every line of a region × its multiplier; AWS publishes per-region prices, not multipliers: these are S3",
        "Standard's first-tier price in the region ÷ us-east-1's, as last known, not verified offline; a region not listed costs as us-east-1):",
        "",
        "| region | × |",
        "|---|---:|",
        ...Object.entries(REGIONAL_MULTIPLIERS).map(([r, m]) => `| ${r} | ${m.toFixed(3)} |`),
        "",
        "## Deploy time",
        "",
        `A stack's time is a simulation of \`pulumi up\` creating it: each resource starts once everything it depends on exists and one of Pulumi's`,
        `parallel slots is free. Pulumi's default \`--parallel\` is 4 × the cores (pulumi/pulumi \`pkg/cmd/pulumi/operations/up.go\`): ${DEFAULT_PARALLEL} on a`,
        `${RUNNER_CORES}-core GitHub-hosted runner. Create latencies (seconds; ${DEFAULT_CREATE_SECONDS} s for types not listed, ${IMPORT_SECONDS} s for an adopted resource)`,
        "are typical provider waits, not measurements:",
        "",
        "| type | s |",
        "|---|---:|",
        ...Object.entries(CREATE_SECONDS).map(([t, s]) => `| \`${t}\` | ${s} |`),
        "",
        `The organisation's time follows the deploy workflow's stages (each stage starts when the one before succeeded; member stacks run as a`,
        `matrix of at most ${workflow.RUNNER_CONCURRENCY} jobs at once, GitHub Free's limit for hosted runners). Every job adds ${workflow.JOB_SETUP_SECONDS} s of setup and a preview`,
        `(${workflow.PREVIEW_SECONDS} s + ${workflow.PREVIEW_SECONDS_PER_RESOURCE} s per resource); a baseline change also refreshes every resource (${workflow.REFRESH_SECONDS_PER_READ} s per read, ${DEFAULT_PARALLEL} at a time)`,
        `and updates a few (${workflow.CHANGE_UPDATE_SECONDS} s). The \`npm test\` job (${duration(workflow.TEST_JOB_SECONDS)}) runs first. The very first rollout runs \`security\` twice (docs/security.md);`,
        "that second run is not counted.",
        "",
        "## Resource types",
        "",
        "Every resource type the landing zone can plan, and how the estimate counts it (a test fails when a planned type is in neither list):",
        "",
        ...coverageTable(),
        "",
    ];
    return lines.join("\n");
}
