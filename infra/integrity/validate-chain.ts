/**
 * Validation of one account × region of an organisation trail over a time window: the digests, the
 * chain between them, the window's coverage, the log files they list and the log files nobody
 * signed. Pure over its inputs: an object store, a public-key lookup and the clock of the run.
 */
import type { TrailLocation } from "./cloudtrail-layout";
import { checkCoverage, checkLinks, verifyDigests, type CheckedDigest } from "./check-digests";
import { checkLogFiles, checkUnreferenced } from "./check-log-files";
import { finding, type Finding } from "./findings";
import { loadDigests } from "./load-digests";
import type { ObjectStore } from "./object-store";
import type { RegionKeys } from "./public-keys";

export interface ChainScope {
    readonly account: string;
    /** The region whose digests these are (the region that delivered them). */
    readonly region: string;
    /** Start of the window (delivery time, inclusive). */
    readonly from: Date;
    /** End of the window (exclusive). */
    readonly to: Date;
    /** Time of the run: the last two hours before it need not be covered yet. */
    readonly now: Date;
}

export interface ChainContext {
    readonly store: ObjectStore;
    readonly trail: TrailLocation;
    /** CloudTrail's public keys of a region for the run's window. */
    readonly keys: (region: string) => Promise<RegionKeys>;
    /** Objects read at once. */
    readonly concurrency: number;
}

export interface ChainResult {
    readonly account: string;
    readonly region: string;
    /** `fail` when any finding is a failure or a gap. */
    readonly status: "pass" | "fail";
    readonly digests: { readonly valid: number; readonly invalid: number };
    readonly logFiles: { readonly valid: number; readonly invalid: number };
    /** Delivery times the valid regular digests cover, when there are any. */
    readonly covered: { readonly from: string; readonly to: string } | undefined;
    readonly findings: readonly Finding[];
}

function coveredBy(checked: readonly CheckedDigest[]): ChainResult["covered"] {
    const valid = checked.filter((d) => d.valid && !d.backfill).map((d) => d.digest!);
    if (valid.length === 0) return undefined;
    return { from: valid.map((d) => d.digestStartTime).sort()[0], to: valid.map((d) => d.digestEndTime).sort().reverse()[0] };
}

function statusOf(findings: readonly Finding[]): ChainResult["status"] {
    return findings.some((f) => f.class !== "notice") ? "fail" : "pass";
}

export async function validateChain(ctx: ChainContext, scope: ChainScope): Promise<ChainResult> {
    const findings: Finding[] = [];
    const base = { account: scope.account, region: scope.region };
    try {
        const keys = await ctx.keys(scope.region);
        const loaded = await loadDigests(ctx.store, ctx.trail, scope, ctx.concurrency);
        const checked = verifyDigests(loaded, keys, ctx.store.bucket, scope.region, findings);
        const explained = await checkLinks(ctx.store, checked, findings);
        checkCoverage(scope, checked, explained, findings);
        const logs = await checkLogFiles(ctx.store, ctx.trail, scope, checked, ctx.concurrency, findings);
        await checkUnreferenced(ctx.store, ctx.trail, scope, checked, logs.referenced, findings);
        const valid = checked.filter((d) => d.valid).length;
        return {
            ...base,
            status: statusOf(findings),
            digests: { valid, invalid: checked.length - valid },
            logFiles: { valid: logs.valid, invalid: logs.invalid },
            covered: coveredBy(checked),
            findings,
        };
    } catch (e) {
        findings.push(finding("validation-error", `${scope.account} ${scope.region}: ${(e as Error).message}`));
        return { ...base, status: "fail", digests: { valid: 0, invalid: 0 }, logFiles: { valid: 0, invalid: 0 }, covered: undefined, findings };
    }
}
