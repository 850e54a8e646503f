/**
 * The scheduled integrity validation: once a day it validates the previous UTC day of the
 * organisation trail for every account × region and puts one event on the central security bus.
 * The routing sends `status: "fail"` (a failure or a gap anywhere) to the high topic and keeps
 * `status: "pass"` as the daily evidence the self-test alarm watches: no event for a day means the
 * job itself stopped. Pure over injected clients; `validation-job-lambda.ts` wires the AWS SDK.
 */
import type { TrailLocation } from "./cloudtrail-layout";
import { DAY_MS } from "./cloudtrail-layout";
import type { Finding } from "./findings";
import type { ObjectStore } from "./object-store";
import type { PublicKeySource } from "./public-keys";
import { validateOrganization, type ValidationReport, type ValidationTotals } from "./validate-organization";

/** Environment variable holding the job's configuration as JSON (set by the component that deploys it). */
export const CONFIG_VARIABLE = "LZ_INTEGRITY_JOB_CONFIG";

/** `source` and `detail-type` of the job's event (PutEvents refuses sources starting with `aws.`). */
export const INTEGRITY_EVENT_SOURCE = "lz.integrity";
export const INTEGRITY_EVENT_DETAIL_TYPE = "CloudTrail Log Integrity Validation";
/**
 * Findings carried in the event; the rest are counted. An event entry may be 256 KB (EventBridge
 * PutEvents quota); 50 findings of a few hundred bytes stay far below it, and the full report is
 * in the job's log.
 */
export const MAX_EVENT_FINDINGS = 50;

/**
 * Event patterns of the job's result on the central bus, for the routing table: a failed run pages
 * `high`; a passing one is the daily evidence an alarm expects. Both match only events put by the
 * security account (the job's): the bus admits PutEvents from every account of the organisation,
 * and a member account must not be able to forge the evidence (the `account` of a PutEvents event
 * is the caller's account).
 */
export function integrityEventPatterns(securityAccountId: string): { readonly failure: Record<string, unknown>; readonly success: Record<string, unknown> } {
    const base = { source: [INTEGRITY_EVENT_SOURCE], "detail-type": [INTEGRITY_EVENT_DETAIL_TYPE], account: [securityAccountId] };
    return { failure: { ...base, detail: { status: ["fail"] } }, success: { ...base, detail: { status: ["pass"] } } };
}

export interface IntegrityJobConfig {
    readonly bucket: string;
    readonly trail: TrailLocation;
    /** Every account of the organisation and every enabled region. */
    readonly accounts: readonly string[];
    readonly regions: readonly string[];
    /** ARN of the central security bus. */
    readonly eventBusArn: string;
    /**
     * Account × region chains validated at once.
     * @default 4
     */
    readonly parallel?: number;
}

/** What the schedule may pass: a day to validate again, or a subset to fan out over several runs. */
export interface IntegrityJobInput {
    /** `YYYY-MM-DD` (UTC); the day before the run when absent. */
    readonly day?: string;
    readonly accounts?: readonly string[];
    readonly regions?: readonly string[];
}

export interface IntegrityJobClients {
    readonly store: ObjectStore;
    readonly publicKeys: PublicKeySource;
    /** EventBridge PutEvents of one entry; resolves with the error of a refused entry, if any. */
    readonly putEvent: (entry: { Source: string; DetailType: string; Detail: string; EventBusName: string; Time: Date }) => Promise<string | undefined>;
    readonly now: () => Date;
}

export interface IntegrityEventDetail {
    readonly status: "pass" | "fail";
    readonly window: { readonly from: string; readonly to: string };
    readonly bucket: string;
    readonly trailName: string;
    readonly totals: ValidationTotals;
    /** Failures and gaps, at most MAX_EVENT_FINDINGS, each with its account and region. */
    readonly findings: readonly (Finding & { readonly account: string; readonly region: string })[];
    /** Failures and gaps left out of `findings`. */
    readonly omittedFindings: number;
}

/** The UTC day to validate: `input.day`, or the day before `now`. */
export function jobWindow(now: Date, day: string | undefined): { from: Date; to: Date } {
    if (day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`day ${JSON.stringify(day)} is not YYYY-MM-DD`);
    const from = day !== undefined ? new Date(`${day}T00:00:00Z`) : new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - DAY_MS);
    if (Number.isNaN(from.getTime())) throw new Error(`day ${JSON.stringify(day)} is not a date`);
    return { from, to: new Date(from.getTime() + DAY_MS) };
}

/** The event detail of a report: status, totals, and the failures and gaps that fit. */
export function eventDetail(report: ValidationReport): IntegrityEventDetail {
    const problems = report.results.flatMap((r) => r.findings.filter((f) => f.class !== "notice").map((f) => ({ ...f, account: r.account, region: r.region })));
    return {
        status: report.status,
        window: report.window,
        bucket: report.trail.bucket,
        trailName: report.trail.trailName,
        totals: report.totals,
        findings: problems.slice(0, MAX_EVENT_FINDINGS),
        omittedFindings: Math.max(0, problems.length - MAX_EVENT_FINDINGS),
    };
}

function subset(name: string, asked: readonly string[] | undefined, all: readonly string[]): readonly string[] {
    const unknown = (asked ?? []).filter((x) => !all.includes(x));
    if (unknown.length > 0) throw new Error(`${name} ${unknown.join(", ")} not in the job's configuration (${all.join(", ")})`);
    return asked ?? all;
}

/** Runs one validation and puts its event; returns the report (the Lambda logs it whole). */
export async function runIntegrityJob(config: IntegrityJobConfig, clients: IntegrityJobClients, input: IntegrityJobInput = {}): Promise<ValidationReport> {
    const now = clients.now();
    const { from, to } = jobWindow(now, input.day);
    const accounts = subset("accounts", input.accounts, config.accounts);
    const regions = subset("regions", input.regions, config.regions);
    const report = await validateOrganization({ store: clients.store, trail: config.trail, publicKeys: clients.publicKeys, accounts, regions, from, to, now, parallel: config.parallel });
    const detail = eventDetail(report);
    const refused = await clients.putEvent({ Source: INTEGRITY_EVENT_SOURCE, DetailType: INTEGRITY_EVENT_DETAIL_TYPE, Detail: JSON.stringify(detail), EventBusName: config.eventBusArn, Time: now });
    // An unsent result must not pass silently: the run fails, and the Lambda's error metric shows it.
    if (refused !== undefined) throw new Error(`the central bus refused the integrity result (${detail.status}): ${refused}`);
    return report;
}

