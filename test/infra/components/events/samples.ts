import * as fs from "fs";
import * as path from "path";
import type { Severity } from "../../../../infra/config/model";
import { REPO_ROOT } from "../../../support/plan";
import { FORWARDING_RULES, landingZoneForwardingRules, type ForwardingRule } from "../../../../infra/components/baseline/forwarding-rules";
import { CUSTOM_ACTIONS, securityRoutes, type SecurityRoute } from "../../../../infra/components/events/routing-table";
import type { QuietAccountContext } from "../../../../infra/components/events/quiet-account-routes";

/** A sample event of `test/fixtures/events/security/`, with where it comes from and where it must go. */
export interface SecuritySample {
    readonly name: string;
    /**
     * How it reaches the central bus: forwarded by a member's default bus (`member`), by the security
     * account's default bus (`security-default-bus`), or put there by a landing-zone role of the security account (`scheduler`: the self-test schedule, the integrity validation function).
     */
    readonly via: "member" | "security-default-bus" | "scheduler";
    /** Ids of the forwarding rows (member table or findings table, by `via`) that forward it; empty when it never reaches the bus. */
    readonly forwardedBy: readonly string[];
    /** Ids of the routing rows that match it, the catch-all log row left out. */
    readonly routedBy: readonly string[];
    /** The one severity topic it notifies, or null. */
    readonly topic: Severity | null;
    /** Whether it reaches the SIEM queue. */
    readonly siem: boolean;
    /**
     * For `member` samples: the member stack that forwards it (the security and log-archive accounts forward rows of their own).
     * @default member-workload-prod
     */
    readonly baseline?: string;
    readonly event: Record<string, unknown>;
}

export const SECURITY_FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "events", "security");
export const MEMBER_FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "events", "member");

function load<T>(dir: string): T[] {
    return fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .sort()
        .flatMap((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as T[]);
}

export const SECURITY_SAMPLES: readonly SecuritySample[] = load<SecuritySample>(SECURITY_FIXTURES);

/** The member baseline's samples (`forwardedBy`: member forwarding rule ids). */
export const MEMBER_SAMPLES: readonly { name: string; forwardedBy: readonly string[]; event: Record<string, unknown> }[] = load(MEMBER_FIXTURES);

/** The member forwarding table of a baseline stack of the reference organisation (its own rows included). */
export function memberTable(baseline = "member-workload-prod"): ForwardingRule[] {
    const kind = baseline === "member-security" ? "security" : baseline === "member-log-archive" ? "log-archive" : baseline === "member-management" ? "management" : "member";
    return [
        ...FORWARDING_RULES,
        ...landingZoneForwardingRules({
            namePrefix: "acme-lz",
            breakGlassRoleName: "LandingZoneBreakGlass",
            accountKind: kind,
            // The reference organisation's one quiet account.
            quiet: kind === "log-archive" ? { signInRegions: ["us-east-2", "eu-north-1", "ap-southeast-2"] } : undefined,
            archive:
                kind === "log-archive"
                    ? {
                          bucketName: "acme-lz-archive-222222222222-us-east-1",
                          servicePrincipalSuffix: ".amazonaws.com",
                          serviceOnlyPrefixes: ["AWSLogs/o-exampleorg1/", "AWSLogs/111111111111/CloudTrail", "vpc-flow-logs/", "guardduty/"],
                          canaryKeyPrefix: "cloudwatch-logs-canary/",
                      }
                    : undefined,
        }),
    ];
}

/**
 * The routing table of the reference organisation (security account 333333333333, prefix `acme-lz`),
 * with the quiet accounts given: by default the reference organisation's, the log archive, and the
 * break-glass path of its two management-account users.
 */
export function referenceRoutes(quiet: QuietAccountContext = REFERENCE_QUIET): SecurityRoute[] {
    return securityRoutes({
        namePrefix: "acme-lz",
        securityAccountId: "333333333333",
        exemptRoleNames: ["LandingZoneDeployment", "LandingZoneBreakGlass"],
        breakGlassRoleName: "LandingZoneBreakGlass",
        archiveBucketName: "acme-lz-archive-222222222222-us-east-1",
        sendToSiemActionArn: `arn:aws:securityhub:us-east-1:333333333333:action/custom/${CUSTOM_ACTIONS.sendToSiem.identifier}`,
        escalateActionArn: `arn:aws:securityhub:us-east-1:333333333333:action/custom/${CUSTOM_ACTIONS.escalate.identifier}`,
        quiet,
    });
}

const REFERENCE_QUIET: QuietAccountContext = {
    quietAccountIds: ["222222222222"],
    breakGlassSignInArns: ["arn:aws:sts::*:assumed-role/LandingZoneBreakGlass/*", "arn:aws:iam::111111111111:user/break-glass-1", "arn:aws:iam::111111111111:user/break-glass-2"],
};
