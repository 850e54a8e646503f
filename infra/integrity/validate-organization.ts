/**
 * Validation of an organisation trail for many accounts and regions at once: one chain per
 * account × region, several chains in parallel, one report.
 */
import { HOUR_MS, type TrailLocation } from "./cloudtrail-layout";
import { SPILL_OVER_MS } from "./load-digests";
import { mapLimit } from "./map-limit";
import type { ObjectStore } from "./object-store";
import { regionKeyRing, type PublicKeySource } from "./public-keys";
import { validateChain, type ChainResult } from "./validate-chain";

export interface ValidationRequest {
    readonly store: ObjectStore;
    readonly trail: TrailLocation;
    readonly publicKeys: PublicKeySource;
    readonly accounts: readonly string[];
    readonly regions: readonly string[];
    /** Window of delivery time: `from` inclusive, `to` exclusive. */
    readonly from: Date;
    readonly to: Date;
    /** Time of the run. */
    readonly now: Date;
    /**
     * Account × region chains validated at once.
     * @default 4
     */
    readonly parallel?: number;
    /**
     * Objects each chain reads at once.
     * @default 16
     */
    readonly concurrency?: number;
}

export interface ValidationTotals {
    readonly chains: number;
    readonly failedChains: number;
    readonly digests: { readonly valid: number; readonly invalid: number };
    readonly logFiles: { readonly valid: number; readonly invalid: number };
    readonly failures: number;
    readonly gaps: number;
    readonly notices: number;
}

/** The JSON report of `validate-logs --json` and the detail of the scheduled job's event. */
export interface ValidationReport {
    readonly trail: TrailLocation & { readonly bucket: string };
    readonly window: { readonly from: string; readonly to: string };
    readonly ranAt: string;
    /** `fail` when any chain failed. */
    readonly status: "pass" | "fail";
    readonly totals: ValidationTotals;
    /** One per account × region, sorted by account then region. */
    readonly results: readonly ChainResult[];
}

export function totalsOf(results: readonly ChainResult[]): ValidationTotals {
    const sum = (f: (r: ChainResult) => number) => results.reduce((n, r) => n + f(r), 0);
    const count = (c: string) => sum((r) => r.findings.filter((f) => f.class === c).length);
    return {
        chains: results.length,
        failedChains: results.filter((r) => r.status === "fail").length,
        digests: { valid: sum((r) => r.digests.valid), invalid: sum((r) => r.digests.invalid) },
        logFiles: { valid: sum((r) => r.logFiles.valid), invalid: sum((r) => r.logFiles.invalid) },
        failures: count("failure"),
        gaps: count("gap"),
        notices: count("notice"),
    };
}

export async function validateOrganization(req: ValidationRequest): Promise<ValidationReport> {
    if (!(req.from < req.to)) throw new Error(`the window must end after it starts (from ${req.from.toISOString()}, to ${req.to.toISOString()})`);
    // Keys that signed any digest the run reads: from an hour before the window to the spill-over after it.
    const keysEnd = new Date(Math.min(req.now.getTime(), req.to.getTime() + SPILL_OVER_MS));
    const keys = regionKeyRing(req.publicKeys, new Date(req.from.getTime() - HOUR_MS), keysEnd);
    const ctx = { store: req.store, trail: req.trail, keys, concurrency: req.concurrency ?? 16 };
    const chains = [...new Set(req.accounts)].sort().flatMap((account) => [...new Set(req.regions)].sort().map((region) => ({ account, region })));
    const results = await mapLimit(chains, req.parallel ?? 4, (c) => validateChain(ctx, { ...c, from: req.from, to: req.to, now: req.now }));
    return {
        trail: { ...req.trail, bucket: req.store.bucket },
        window: { from: req.from.toISOString(), to: req.to.toISOString() },
        ranAt: req.now.toISOString(),
        status: results.some((r) => r.status === "fail") ? "fail" : "pass",
        totals: totalsOf(results),
        results,
    };
}
