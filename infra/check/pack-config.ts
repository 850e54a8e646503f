/**
 * The organisation's pack config, built from what the landing zone deployed: the log-archive stack's
 * outputs say where logs must go, the security stack's say which regions every account baseline
 * covers. `npm run pack-config` writes it (`policy-config/default.json` for the reference org);
 * `check`, the enforcement workflow and `pulumi policy enable --config` use it, so the destination
 * rules are on wherever it is present.
 *
 * Every value comes from a stack output (ARCHITECTURE §3 contract) except the member accounts'
 * access-log buckets: S3 delivers access logs only within the source bucket's account and region, so
 * each member account has its own, named `<namePrefix>-s3-access-logs-<account>-<region>` from the
 * org file; they are approved by that prefix.
 */

/** Stack outputs as `pulumi stack output --json` prints them (or an offline plan holds them). */
export type StackOutputs = Readonly<Record<string, unknown>>;

/** A required output is missing, masked or malformed: every problem, naming the stack and output. */
export class PackConfigError extends Error {
    constructor(readonly problems: readonly string[]) {
        super(`cannot build the pack config (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
        this.name = "PackConfigError";
    }
}

const MASKED = "[secret]";

class Reader {
    readonly problems: string[] = [];
    constructor(
        private readonly stack: string,
        private readonly outputs: StackOutputs,
    ) {}

    private problem(key: string, what: string): void {
        this.problems.push(`${this.stack} stack output ${key}: ${what}`);
    }

    string(key: string): string {
        const v = this.outputs[key];
        if (v === MASKED) this.problem(key, "is masked as a secret; write the file with `pulumi stack output --json --show-secrets`");
        else if (typeof v !== "string" || v === "") this.problem(key, `expected a non-empty string, got ${JSON.stringify(v ?? null)}`);
        return typeof v === "string" ? v : "";
    }

    /** A region → value map (one entry per enabled region). */
    byRegion(key: string): Record<string, string> {
        const v = this.outputs[key];
        const ok = v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length > 0 && Object.values(v).every((x) => typeof x === "string" && x !== "" && x !== MASKED);
        if (!ok) this.problem(key, `expected a map of region to name or ARN, got ${JSON.stringify(v ?? null)}`);
        return ok ? (v as Record<string, string>) : {};
    }
}

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

/**
 * The pack config from the two stacks' outputs. Keys and lists are in a fixed order, so the same
 * outputs always give byte-identical files.
 */
export function packConfigFromOutputs(input: { logArchive: StackOutputs; security: StackOutputs; memberAccessLogPrefix: string; forwardedAlarmPrefix: string }): Record<string, unknown> {
    const la = new Reader("log-archive", input.logArchive);
    const sec = new Reader("security", input.security);
    const archiveName = la.string("archiveBucketName");
    const archiveArn = la.string("archiveBucketArn");
    const accessLog = la.string("accessLogBucketName");
    const accessLogs = la.byRegion("accessLogBucketNames");
    const elb = la.string("elbLogBucketName");
    const elbs = la.byRegion("elbLogBucketNames");
    const destinations = la.byRegion("logDestinationArns");
    // GuardDuty runs in every enabled region (the security stack's detector per region).
    const regions = sorted(Object.keys(sec.byRegion("guardDutyDetectorIds")));
    const problems = [...la.problems, ...sec.problems];
    const destinationRegions = sorted(Object.keys(destinations));
    if (!problems.length && destinationRegions.join() !== regions.join()) {
        problems.push(`log-archive stack output logDestinationArns covers ${destinationRegions.join(", ")} but the security stack covers ${regions.join(", ")}: deploy both from the same org file`);
    }
    if (problems.length) throw new PackConfigError(problems);
    const baseline = { stackTagKey: "lz:baseline" };
    return {
        "lz-baseline-config-recorder": { ...baseline, requiredRegions: regions },
        "lz-baseline-guardduty": baseline,
        "lz-baseline-log-subscription": baseline,
        "lz-baseline-org-trail": baseline,
        "lz-cloudfront-log-destination": { approvedBuckets: [accessLog] },
        "lz-cloudwatch-alarm-actions": { forwardedAlarmNamePrefixes: [input.forwardedAlarmPrefix] },
        "lz-cloudtrail-archive-destination": { approvedBuckets: [archiveName] },
        "lz-cloudwatch-log-subscription-destination": { approvedDestinations: sorted(Object.values(destinations)) },
        "lz-elb-access-log-destination": { approvedBuckets: sorted([elb, ...Object.values(elbs)]) },
        "lz-s3-access-log-destination": { approvedBuckets: [...sorted([accessLog, ...Object.values(accessLogs)]), `${input.memberAccessLogPrefix}*`] },
        "lz-vpc-flow-log-destination": { approvedDestinations: [`${archiveArn}*`] },
    };
}

/** The file's text: two-space JSON and a final newline. */
export function serializePackConfig(config: Record<string, unknown>): string {
    return JSON.stringify(config, null, 2) + "\n";
}
