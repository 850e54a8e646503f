/**
 * What `check` and `audit` print and write: violations grouped by resource, per-rule audit results
 * with their controls, and the audit's Markdown report by control.
 */
import type { PackViolation } from "../../policy-pack/harness/evaluate";
import { ALL_RULES, type Rule } from "../../policy-pack/rules";
import type { EvalResource } from "../../policy-pack/harness/evaluate";

export type Level = "mandatory" | "advisory";

/** `remediate` counts as mandatory: the analyzer fixes it in place, the program still disagrees. */
export function reportLevel(level: string): Level {
    return level === "advisory" ? "advisory" : "mandatory";
}

/** A rule's controls as `<framework> <id>` labels (CIS, Security Hub, NIST, SOC 2). */
export function controlsOf(rule: Rule | undefined): string[] {
    if (!rule) return [];
    const c = rule.meta.controls;
    return [
        ...c.cis.map((x) => `CIS ${x}`),
        ...c.securityHub.map((x) => `Security Hub ${x}`),
        ...c.nist.map((x) => `NIST ${x}`),
        ...c.soc2.map((x) => `SOC 2 ${x}`),
    ];
}

const byName = new Map(ALL_RULES.map((r) => [r.name, r]));

export function ruleControls(policy: string): string[] {
    return controlsOf(byName.get(policy));
}

export interface CheckViolation {
    policy: string;
    urn: string | null;
    name: string | null;
    type: string | null;
    level: Level;
    message: string;
}

export function toCheckViolations(vs: readonly PackViolation[]): CheckViolation[] {
    return vs.map((v) => ({ policy: v.policy, urn: v.urn, name: v.name, type: v.type, level: reportLevel(v.level), message: v.message }));
}

/** A function (or `pulumi:pulumi:StackReference <name>`) check answered as unknown: values built from it are unknown, as in a preview. */
export interface CheckUnknown {
    function: string;
    calls: number;
}

/** A component the offline engine cannot expand: its provider plugin creates its children at deploy time. */
export interface CheckUnsupported {
    urn: string;
    name: string;
    type: string;
    package: string;
    reason: string;
}

/** `check --json`: the violations (ARCHITECTURE §3 contract), plus what the check could not see. */
export interface CheckReport {
    violations: CheckViolation[];
    unknowns: CheckUnknown[];
    unsupported: CheckUnsupported[];
}

export function toCheckReport(
    vs: readonly PackViolation[],
    run: { unknowns: ReadonlyMap<string, number>; unsupported: readonly { urn: string; name: string; type: string; package: string }[] },
): CheckReport {
    return {
        violations: toCheckViolations(vs),
        unknowns: [...run.unknowns].sort(([a], [b]) => a.localeCompare(b)).map(([fn, calls]) => ({ function: fn, calls })),
        unsupported: run.unsupported.map((c) => ({
            ...c,
            reason: `implemented by the ${c.package} provider plugin, which creates its children when it deploys: they cannot be evaluated offline (run pulumi preview with the pack to judge them)`,
        })),
    };
}

/** What the check could not see, after the violations; empty when it saw everything. */
export function renderCheckNotes(r: { unknowns: readonly CheckUnknown[]; unsupported: readonly Omit<CheckUnsupported, "reason">[] }): string {
    const out: string[] = [];
    if (r.unknowns.length) {
        out.push("Unknown: lookups and stack references with no offline answer; values built from them are unknown, as in a preview:");
        for (const u of r.unknowns) out.push(`  ${u.function} (${u.calls} call${u.calls === 1 ? "" : "s"})`);
    }
    if (r.unsupported.length) {
        out.push("Not evaluated: components implemented by provider plugins create their children at deploy time:");
        for (const c of r.unsupported) out.push(`  ${c.name} (${c.type}), package ${c.package}`);
        out.push("  Resources the program creates itself are evaluated; run pulumi preview with the pack to judge these components' children.");
    }
    return out.length ? out.join("\n") + "\n" : "";
}

function indent(text: string, pad: string): string {
    return text.split("\n").map((l) => pad + l).join("\n");
}

/** Violations grouped by resource (stack-level ones last), each with its rule's controls. */
export function renderCheck(vs: readonly CheckViolation[]): string {
    if (vs.length === 0) return "No violations.\n";
    const groups = new Map<string, CheckViolation[]>();
    for (const v of vs) {
        const key = v.urn ?? "";
        const g = groups.get(key) ?? [];
        g.push(v);
        groups.set(key, g);
    }
    const keys = [...groups.keys()].sort((a, b) => (a === "" ? 1 : b === "" ? -1 : 0));
    const out: string[] = [];
    for (const k of keys) {
        const g = groups.get(k)!;
        out.push(k === "" ? "Stack" : `${g[0].name} (${g[0].type})`);
        for (const v of g) {
            out.push(`  [${v.level}] ${v.policy}`);
            out.push(indent(v.message, "      "));
            const controls = ruleControls(v.policy);
            if (controls.length) out.push(`      controls: ${controls.join(", ")}`);
        }
        out.push("");
    }
    const m = vs.filter((v) => v.level === "mandatory").length;
    out.push(`${vs.length} violation${vs.length === 1 ? "" : "s"}: ${m} mandatory, ${vs.length - m} advisory`);
    return out.join("\n") + "\n";
}

export type Status = "pass" | "fail" | "n/a";

export interface RuleResult {
    policy: string;
    status: Status;
    level: Level;
    resources: string[];
    controls: string[];
}

export interface StackReport {
    stack: string;
    results: RuleResult[];
}

/**
 * Per rule: `fail` with the violating resources, `pass` with the resources it looked at, `n/a`
 * when the stack has none of the rule's types, the rule is disabled, or the rule declared itself not
 * applicable to the stack (`notApplicable`: a baseline rule on a stack without that baseline).
 * Stack-level findings fail the rule without naming a resource.
 */
export function auditResults(
    resources: readonly EvalResource[],
    violations: readonly PackViolation[],
    levels: ReadonlyMap<string, string>,
    notApplicable: ReadonlySet<string> = new Set(),
): RuleResult[] {
    const byType = new Map<string, string[]>();
    for (const r of resources) {
        const l = byType.get(r.type) ?? [];
        l.push(r.name);
        byType.set(r.type, l);
    }
    const failing = new Map<string, PackViolation[]>();
    for (const v of violations) {
        const l = failing.get(v.policy) ?? [];
        l.push(v);
        failing.set(v.policy, l);
    }
    return ALL_RULES.map((rule) => {
        const configured = levels.get(rule.name) ?? rule.meta.enforcementLevel;
        const controls = controlsOf(rule);
        const vs = failing.get(rule.name) ?? [];
        if (vs.length) {
            const level: Level = vs.some((v) => reportLevel(v.level) === "mandatory") ? "mandatory" : "advisory";
            const names = [...new Set(vs.map((v) => v.name).filter((n): n is string => n !== null))];
            return { policy: rule.name, status: "fail", level, resources: names, controls };
        }
        const checked = [...new Set(rule.meta.types.flatMap((t) => byType.get(t) ?? []))];
        const status: Status = configured === "disabled" || checked.length === 0 || notApplicable.has(rule.name) ? "n/a" : "pass";
        return { policy: rule.name, status, level: reportLevel(configured), resources: status === "pass" ? checked : [], controls };
    });
}

/** Markdown: a summary per stack, then one section per control listing every stack's result. */
export function renderMarkdown(stacks: readonly StackReport[]): string {
    const out: string[] = ["# Logging compliance report", ""];
    out.push("| Stack | Pass | Fail (mandatory) | Fail (advisory) | N/A |", "| --- | --- | --- | --- | --- |");
    for (const s of stacks) {
        const n = (f: (r: RuleResult) => boolean) => s.results.filter(f).length;
        out.push(`| ${s.stack} | ${n((r) => r.status === "pass")} | ${n((r) => r.status === "fail" && r.level === "mandatory")} | ${n((r) => r.status === "fail" && r.level === "advisory")} | ${n((r) => r.status === "n/a")} |`);
    }
    out.push("");
    const controls = new Map<string, { stack: string; r: RuleResult }[]>();
    for (const s of stacks) {
        for (const r of s.results) {
            for (const c of r.controls) {
                const l = controls.get(c) ?? [];
                l.push({ stack: s.stack, r });
                controls.set(c, l);
            }
        }
    }
    const order = ["CIS", "Security Hub", "NIST", "SOC 2"];
    const sorted = [...controls.keys()].sort((a, b) => {
        const fa = order.findIndex((p) => a.startsWith(p + " "));
        const fb = order.findIndex((p) => b.startsWith(p + " "));
        return fa - fb || a.localeCompare(b, "en", { numeric: true });
    });
    for (const c of sorted) {
        const rows = controls.get(c)!;
        const failed = rows.some((x) => x.r.status === "fail");
        out.push(`## ${c} — ${failed ? "FAIL" : rows.some((x) => x.r.status === "pass") ? "pass" : "n/a"}`, "");
        out.push("| Stack | Rule | Status | Level | Resources |", "| --- | --- | --- | --- | --- |");
        for (const { stack, r } of rows) {
            const shown = r.resources.slice(0, 10).join(", ") + (r.resources.length > 10 ? ` (+${r.resources.length - 10} more)` : "");
            out.push(`| ${stack} | ${r.policy} | ${r.status} | ${r.level} | ${shown} |`);
        }
        out.push("");
    }
    return out.join("\n");
}
