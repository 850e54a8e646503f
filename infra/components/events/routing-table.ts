/**
 * The routing of the central security bus as ONE table: each row is an EventBridge rule on the
 * central bus and says where its events go — one severity topic (`high`, `medium`, `low`), the SIEM
 * queue, and/or the log group. Adding a class of event is a row here. Rows that notify a topic are
 * mutually exclusive, so every finding reaches exactly one severity topic (critical goes to `high`);
 * `test/infra/components/events/routing-table.test.ts` proves it on the sample events.
 *
 * Where the events come from:
 * - member accounts forward the classes of `baseline/forwarding-rules.ts` from their default buses
 *   (console sign-ins, root activity, API changes, Config compliance, Health, Trusted Advisor), with
 *   their original `source`, `detail-type`, `account` and `region`;
 * - the security account forwards the findings its delegated-admin services aggregate (GuardDuty,
 *   Inspector, Macie, Access Analyzer in every region, Security Hub and its custom actions in the home
 *   region): `findings-forwarding-rules.ts`;
 * - the self-test schedule puts `SELF_TEST_SOURCE` events on the bus; the integrity validation and
 *   the response playbooks put their results (`lz.integrity`, `lz.response`).
 */
import type { Severity } from "../../config/model";
import { HEALTH_SIGNALS, healthAlarmPrefix } from "../../config/health";
import { CANARY_KEY_PREFIX } from "../health/arrival-patterns";
import { CONFIG_DELIVERY_FAILED_PATTERN } from "../baseline/forwarding-rules";
import {
    ALERT_RESOURCE_TAMPER_EVENTS,
    BUS_TAMPER_EVENT_NAMES,
    CONFIG_TAMPER_EVENT_NAMES,
    DETECTION_TAMPER_CLASSES,
    flatten,
    LOG_GROUP_BLINDING_EVENT_NAMES,
    ROLE_CHANGE_EVENT_NAMES,
    S3_BUCKET_TAMPER_EVENTS,
    SECURITY_TOOLING_TAMPER_EVENTS,
    type TamperEvents,
} from "../../iam/tamper-events";
import { integrityRoutes } from "./integrity-routes";
import { responseRoutes } from "./response-routes";
import { quietAccountRoutes, type QuietAccountContext } from "./quiet-account-routes";
import { functionTamperingDetail } from "../../iam/function-tamper-events";

export interface RouteTargets {
    /** The one severity topic the events notify. */
    readonly topic?: Severity;
    /** The SIEM/SOAR queue. */
    readonly siem?: true;
    /** The log group of security events (only the catch-all row: every event is logged once). */
    readonly log?: true;
}

export interface SecurityRoute {
    /** Stable id: part of the rule name (`<prefix>-route-<id>`) and of resource names. */
    readonly id: string;
    readonly description: string;
    /**
     * The title its topic notifications carry (the topic then receives a short notification with this
     * title instead of the raw event; the SIEM queue and the log group keep the event).
     * @default undefined (the event as it is)
     */
    readonly title?: string;
    readonly pattern: Readonly<Record<string, unknown>>;
    readonly targets: RouteTargets;
}

/** What the table needs to know about the deployment: names the patterns compare against. */
export interface RoutingContext {
    /** Organisation name prefix: the landing zone's own rules and log groups start with it. */
    readonly namePrefix: string;
    /** The security account: the only account whose events may be the self-test's. */
    readonly securityAccountId: string;
    /** The deployment and break-glass roles: the guardrails exempt them by name, so any change to them is minting an exemption. */
    readonly exemptRoleNames: readonly string[];
    /** The break-glass role's name: its use pages. */
    readonly breakGlassRoleName: string;
    /** The archive bucket: an object written there by a principal of the log-archive account pages. */
    readonly archiveBucketName: string;
    /** ARN of the Security Hub custom action "send to SIEM". */
    readonly sendToSiemActionArn: string;
    /** ARN of the Security Hub custom action "escalate". */
    readonly escalateActionArn: string;
    /**
     * Accounts where no human should sign in, and the break-glass path's sign-in ARNs (`quiet-account-routes.ts`).
     * @default no quiet account
     */
    readonly quiet?: QuietAccountContext;
}

/** Source and detail-type of the synthetic self-test event (EventBridge refuses `aws.` sources from PutEvents). */
export const SELF_TEST_SOURCE = "lz.selftest";
export const SELF_TEST_DETAIL_TYPE = "Landing zone alert self-test";
/**
 * The paths the self-test proves, one scheduled event each (`detail.path`): the three severity topics
 * and the SIEM queue have a routing row of their own; the `log` event has none, the catch-all row logs
 * it (and every other event) into the security-events log group.
 */
export const SELF_TEST_PATHS = ["high", "medium", "low", "siem", "log"] as const;
export type SelfTestPathId = (typeof SELF_TEST_PATHS)[number];

/** Security Hub custom actions (identifier ≤ 20 alphanumerics, name < 20 characters). */
export const CUSTOM_ACTIONS = {
    sendToSiem: { identifier: "SendToSIEM", name: "Send to SIEM", description: "Send the selected findings to the SIEM/SOAR queue" },
    escalate: { identifier: "Escalate", name: "Escalate", description: "Escalate the selected findings to the high-severity on-call topic" },
} as const;

/**
 * Products whose findings reach the bus natively (and are routed by their own rows) or through the
 * member forwarding (Config, Health): their copies imported into Security Hub are not routed again,
 * or each finding would notify twice.
 */
export const NATIVELY_ROUTED_PRODUCTS = ["GuardDuty", "Inspector", "Macie", "IAM Access Analyzer", "Config", "Health"] as const;

const API_CALL = "AWS API Call via CloudTrail";
/**
 * Within `userIdentity`, the complement of what `root-activity` routes (the root user's own calls,
 * `invokedBy` absent): another identity type, none, or a service acting with the root identity
 * (e.g. CloudFormation). So a root user's change alerts once, through `root-activity`, and a change a
 * service makes as root still reaches its service's row instead of no topic at all.
 */
const NOT_ROOT = { $or: [{ type: [{ "anything-but": "Root" }] }, { type: [{ exists: false }] }, { invokedBy: [{ exists: true }] }] };

/** API calls to one service by anyone but the root user acting in person (root activity has its own high row). */
function apiCalls(source: string, detail: Record<string, unknown>): Record<string, unknown> {
    return { source: [source], "detail-type": [API_CALL], detail: { userIdentity: NOT_ROOT, ...detail } };
}

/**
 * Tampering calls of the given groups (any AWS source: the event source names the service), by anyone
 * but the root user in person, allowed or denied, exempt principals included.
 */
function tamperingCalls(groups: readonly TamperEvents[], extra: Record<string, unknown> = {}): Record<string, unknown> {
    const { eventSources, eventNames } = flatten(groups);
    return { source: [{ prefix: "aws." }], "detail-type": [API_CALL], detail: { userIdentity: NOT_ROOT, eventSource: eventSources, eventName: eventNames, ...extra } };
}

/** Calls that stop, delete or blind the logging the landing zone depends on. */
export const TRAIL_TAMPERING = ["StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors", "DeleteEventDataStore", "UpdateEventDataStore", "StopEventDataStoreIngestion"] as const;
/** Config rules and packs deleted, and every Config call the guardrails deny (`iam/tamper-events.ts`). */
export const CONFIG_TAMPERING: readonly string[] = [...new Set(["DeleteConfigRule", "DeleteConformancePack", ...CONFIG_TAMPER_EVENT_NAMES])];
export const ORGANIZATIONS_CRITICAL = [
    "LeaveOrganization", "RemoveAccountFromOrganization", "CloseAccount", "DeleteOrganization", "DeregisterDelegatedAdministrator",
    "DisableAWSServiceAccess", "DetachPolicy", "DeletePolicy", "DisablePolicyType",
] as const;
export const KEY_DISABLED = ["DisableKey", "ScheduleKeyDeletion"] as const;
/** Log-group calls the member forwarding sends, by how much they can hide. */
const LOG_GROUP_DESTRUCTIVE = ["DeleteLogGroup", "DeleteLogStream", "DeleteSubscriptionFilter", "DisassociateKmsKey"] as const;
const LOG_GROUP_RETENTION = ["PutRetentionPolicy", "DeleteRetentionPolicy"] as const;

/** Severity bands over a numeric field; the last band has no upper bound. */
function bands(low: number, medium: number, high: number): Record<Severity, unknown[]> {
    return {
        low: [{ numeric: [">=", low, "<", medium] }],
        medium: [{ numeric: [">=", medium, "<", high] }],
        high: [{ numeric: [">=", high] }],
    };
}

/** GuardDuty severity: low 1.0–3.9, medium 4.0–6.9, high 7.0–8.9, critical 9.0–10.0 (critical goes to `high`). */
export const GUARDDUTY_BANDS = bands(0, 4, 7);
/** Labels per topic: CRITICAL joins HIGH, INFORMATIONAL joins LOW. */
export const SECURITY_HUB_LABELS: Record<Severity, string[]> = { high: ["CRITICAL", "HIGH"], medium: ["MEDIUM"], low: ["LOW", "INFORMATIONAL"] };
export const INSPECTOR_SEVERITIES: Record<Severity, string[]> = { high: ["CRITICAL", "HIGH"], medium: ["MEDIUM"], low: ["LOW", "INFORMATIONAL", "UNTRIAGED"] };
export const MACIE_SEVERITIES: Record<Severity, string[]> = { high: ["High"], medium: ["Medium"], low: ["Low"] };

const SEVERITY_ORDER: readonly Severity[] = ["high", "medium", "low"];

function perSeverity(prefix: string, description: (s: Severity) => string, pattern: (s: Severity) => Record<string, unknown>): SecurityRoute[] {
    return SEVERITY_ORDER.map((s) => ({ id: `${prefix}-${s}`, description: description(s), pattern: pattern(s), targets: { topic: s, siem: true } }));
}

/** The routing table of the central bus. */
export function securityRoutes(ctx: RoutingContext): SecurityRoute[] {
    const lz = `${ctx.namePrefix}-`;
    const lzLogGroups = `/${ctx.namePrefix}/`;
    const quietIds = [...(ctx.quiet?.quietAccountIds ?? [])];
    const health = (detail: Record<string, unknown>) => ({ source: ["aws.health"], "detail-type": ["AWS Health Event"], detail: { service: [{ "anything-but": ["RISK", "ABUSE"] }], ...detail } });
    return [
        {
            id: "all-events",
            description: "Every event on the central bus into the security-events log group",
            pattern: { source: [{ prefix: "" }] },
            targets: { log: true },
        },
        ...perSeverity(
            "guardduty",
            (s) => `GuardDuty findings of ${s} severity (${s === "high" ? "7.0 and above, critical included" : s === "medium" ? "4.0 to 6.9" : "below 4.0"})`,
            (s) => ({ source: ["aws.guardduty"], "detail-type": ["GuardDuty Finding"], detail: { severity: GUARDDUTY_BANDS[s] } }),
        ),
        ...perSeverity(
            "securityhub",
            (s) => `New, active Security Hub findings labelled ${SECURITY_HUB_LABELS[s].join(" or ")} (products routed natively excluded)`,
            (s) => ({
                source: ["aws.securityhub"],
                "detail-type": ["Security Hub Findings - Imported"],
                detail: {
                    findings: {
                        Severity: { Label: SECURITY_HUB_LABELS[s] },
                        Workflow: { Status: ["NEW"] },
                        RecordState: ["ACTIVE"],
                        ProductName: [{ "anything-but": [...NATIVELY_ROUTED_PRODUCTS] }],
                    },
                },
            }),
        ),
        {
            id: "findings-suppressed",
            description: "Security Hub findings set to SUPPRESSED: the security team's triage, reviewed within a working day (a suppressed finding never pages again)",
            pattern: apiCalls("aws.securityhub", { eventName: ["BatchUpdateFindings"], requestParameters: { Workflow: { Status: ["SUPPRESSED"] } } }),
            targets: { topic: "medium", siem: true },
        },
        {
            id: "custom-action-siem",
            description: "Findings an analyst sends to the SIEM with the Security Hub custom action",
            pattern: { source: ["aws.securityhub"], "detail-type": ["Security Hub Findings - Custom Action"], resources: [ctx.sendToSiemActionArn] },
            targets: { siem: true },
        },
        {
            id: "custom-action-escalate",
            description: "Findings an analyst escalates with the Security Hub custom action",
            pattern: { source: ["aws.securityhub"], "detail-type": ["Security Hub Findings - Custom Action"], resources: [ctx.escalateActionArn] },
            targets: { topic: "high", siem: true },
        },
        ...perSeverity(
            "inspector",
            (s) => `Active Inspector findings of severity ${INSPECTOR_SEVERITIES[s].join(", ")}`,
            (s) => ({ source: ["aws.inspector2"], "detail-type": ["Inspector2 Finding"], detail: { severity: INSPECTOR_SEVERITIES[s], status: ["ACTIVE"] } }),
        ),
        ...perSeverity(
            "macie",
            (s) => `Macie findings of ${s} severity`,
            (s) => ({ source: ["aws.macie"], "detail-type": ["Macie Finding"], detail: { severity: { description: MACIE_SEVERITIES[s] } } }),
        ),
        {
            id: "access-analyzer-public",
            description: "Active Access Analyzer findings: a resource is public",
            pattern: { source: ["aws.access-analyzer"], "detail-type": ["Access Analyzer Finding"], detail: { status: ["ACTIVE"], isPublic: [true] } },
            targets: { topic: "high", siem: true },
        },
        {
            id: "access-analyzer-external",
            description: "Active Access Analyzer findings: a resource is shared outside the organisation",
            pattern: { source: ["aws.access-analyzer"], "detail-type": ["Access Analyzer Finding"], detail: { status: ["ACTIVE"], isPublic: [false] } },
            targets: { topic: "medium", siem: true },
        },
        {
            id: "access-analyzer-unused",
            description: "Active unused-access findings (roles, keys, passwords, permissions nobody uses)",
            pattern: { source: ["aws.access-analyzer"], "detail-type": ["Unused Access Finding for IAM entities"], detail: { status: ["ACTIVE"] } },
            targets: { topic: "low", siem: true },
        },
        {
            id: "config-noncompliant",
            description: "AWS Config rule evaluations that turn NON_COMPLIANT (forwarded by members)",
            pattern: { source: ["aws.config"], "detail-type": ["Config Rules Compliance Change"], detail: { newEvaluationResult: { complianceType: ["NON_COMPLIANT"] } } },
            targets: { topic: "medium", siem: true },
        },
        {
            id: "health-risk",
            description: "AWS Health abuse reports and risk events such as exposed credentials",
            pattern: {
                source: ["aws.health"],
                $or: [{ "detail-type": ["AWS Health Abuse Event"] }, { "detail-type": ["AWS Health Event"], detail: { service: ["RISK", "ABUSE"] } }],
            },
            targets: { topic: "high", siem: true },
        },
        {
            id: "health-issue",
            description: "AWS Health service issues affecting an account",
            pattern: health({ eventTypeCategory: ["issue"] }),
            targets: { topic: "medium", siem: true },
        },
        {
            id: "health-notice",
            description: "AWS Health scheduled changes and account notifications",
            pattern: health({ eventTypeCategory: [{ "anything-but": "issue" }] }),
            targets: { topic: "low", siem: true },
        },
        {
            id: "trusted-advisor-error",
            description: "Trusted Advisor check items that turn ERROR",
            pattern: { source: ["aws.trustedadvisor"], "detail-type": ["Trusted Advisor Check Item Refresh Notification"], detail: { status: ["ERROR"] } },
            targets: { topic: "medium", siem: true },
        },
        {
            id: "trusted-advisor-warn",
            description: "Trusted Advisor check items that turn WARN",
            pattern: { source: ["aws.trustedadvisor"], "detail-type": ["Trusted Advisor Check Item Refresh Notification"], detail: { status: ["WARN"] } },
            targets: { topic: "low", siem: true },
        },
        {
            id: "root-sign-in",
            description: "Root user sign-in events, successful or not, password recovery included (CIS 1.7)",
            pattern: { source: ["aws.signin"], "detail-type": ["AWS Console Sign In via CloudTrail"], detail: { userIdentity: { type: ["Root"] } } },
            targets: { topic: "high", siem: true },
        },
        {
            id: "sign-in-failure",
            description: "Failed console sign-ins of other users, one by one (the CIS 4.6 alarm counts them)",
            pattern: {
                source: ["aws.signin"],
                "detail-type": ["AWS Console Sign In via CloudTrail"],
                // Failures in a quiet account page high through `quiet-sign-in` instead.
                ...(quietIds.length > 0 ? { account: [{ "anything-but": quietIds }] } : {}),
                detail: { userIdentity: NOT_ROOT, responseElements: { ConsoleLogin: ["Failure"] } },
            },
            targets: { topic: "low", siem: true },
        },
        {
            id: "root-activity",
            description: "API calls made with the root user's credentials (CIS 1.7)",
            // `source` names an AWS service: an event put on the bus by anyone else (never `aws.…`) cannot page as root activity.
            pattern: { source: [{ prefix: "aws." }], "detail-type": [API_CALL], detail: { userIdentity: { type: ["Root"], invokedBy: [{ exists: false }] }, eventType: [{ "anything-but": "AwsServiceEvent" }] } },
            targets: { topic: "high", siem: true },
        },
        {
            id: "trail-tampering",
            description: "Trails or event data stores stopped, deleted or narrowed (CIS 4.5)",
            pattern: apiCalls("aws.cloudtrail", { eventName: [...TRAIL_TAMPERING] }),
            targets: { topic: "high", siem: true },
        },
        {
            id: "trail-changes",
            description: "Other changes to CloudTrail",
            pattern: apiCalls("aws.cloudtrail", { eventName: [{ "anything-but": [...TRAIL_TAMPERING] }] }),
            targets: { topic: "low", siem: true },
        },
        {
            id: "config-tampering",
            description: "Config recorders, delivery channels, rules or aggregators stopped or deleted (CIS 4.9)",
            pattern: apiCalls("aws.config", { eventName: [...CONFIG_TAMPERING] }),
            targets: { topic: "high", siem: true },
        },
        {
            id: "config-changes",
            description: "Other changes to AWS Config",
            pattern: apiCalls("aws.config", { eventName: [{ "anything-but": [...CONFIG_TAMPERING] }] }),
            targets: { topic: "low", siem: true },
        },
        {
            id: "key-disabled",
            description: "Customer managed keys disabled or scheduled for deletion: what they encrypt becomes unreadable (CIS 4.7)",
            pattern: apiCalls("aws.kms", { eventName: [...KEY_DISABLED] }),
            targets: { topic: "high", siem: true },
        },
        {
            id: "key-policy-changed",
            description: "Key policies replaced",
            pattern: apiCalls("aws.kms", { eventName: ["PutKeyPolicy"] }),
            targets: { topic: "medium", siem: true },
        },
        {
            id: "organizations-critical",
            description: "Accounts leaving or closed, SCPs detached or deleted, delegated administrators or service access removed",
            pattern: apiCalls("aws.organizations", { eventName: [...ORGANIZATIONS_CRITICAL] }),
            targets: { topic: "high", siem: true },
        },
        {
            id: "organizations-changes",
            description: "Other changes to the organisation (CIS 4.15)",
            pattern: apiCalls("aws.organizations", { eventName: [{ "anything-but": [...ORGANIZATIONS_CRITICAL] }] }),
            targets: { topic: "medium", siem: true },
        },
        {
            id: "iam-changes",
            description: "Changes to IAM users, roles, policies and credentials (the CIS 4.4 alarm covers policy changes at medium); the exempt roles' have their own row",
            // The complement of `exempt-role-changes`: another call, another role, or no role at all.
            pattern: apiCalls("aws.iam", {
                $or: [{ eventName: [{ "anything-but": [...ROLE_CHANGE_EVENT_NAMES] }] }, { requestParameters: { roleName: [{ "anything-but": [...ctx.exemptRoleNames] }] } }, { requestParameters: { roleName: [{ exists: false }] } }],
            }),
            targets: { topic: "low", siem: true },
        },
        {
            id: "logging-tampering",
            description: "The account's log subscription or a destination deleted, or a landing-zone log group deleted, unencrypted, or its metric filters, transformers or masking changed",
            pattern: apiCalls("aws.logs", {
                $or: [
                    { eventName: ["DeleteAccountPolicy", "DeleteDestination"] },
                    { eventName: [...LOG_GROUP_DESTRUCTIVE], requestParameters: { logGroupName: [{ prefix: lzLogGroups }] } },
                    // Metric filters, transformers, masking or keys of landing-zone groups (forwarded for those groups only).
                    { eventName: [...LOG_GROUP_BLINDING_EVENT_NAMES] },
                ],
            }),
            targets: { topic: "high", siem: true },
        },
        {
            id: "logging-changes",
            description: "Account log policies replaced, or retention of landing-zone log groups changed",
            pattern: apiCalls("aws.logs", {
                $or: [
                    { eventName: ["PutAccountPolicy"] },
                    { eventName: [...LOG_GROUP_RETENTION], requestParameters: { logGroupName: [{ prefix: lzLogGroups }] } },
                ],
            }),
            targets: { topic: "medium", siem: true },
        },
        {
            id: "log-group-changes",
            description: "Log groups of workloads deleted, unencrypted or with retention changed",
            pattern: apiCalls("aws.logs", {
                eventName: [...LOG_GROUP_DESTRUCTIVE, ...LOG_GROUP_RETENTION],
                requestParameters: { logGroupName: [{ "anything-but": { prefix: lzLogGroups } }] },
            }),
            targets: { topic: "low", siem: true },
        },
        {
            id: "forwarding-tampering",
            description: "Landing-zone event rules deleted, disabled or stripped of targets, or a default or landing-zone bus re-keyed or deleted: forwarding silenced",
            pattern: apiCalls("aws.events", {
                $or: [
                    { eventName: ["DeleteRule", "DisableRule"], requestParameters: { name: [{ prefix: lz }] } },
                    { eventName: ["RemoveTargets"], requestParameters: { rule: [{ prefix: lz }] } },
                    // A default bus (its forwarding rules) or the central bus re-keyed or deleted.
                    { eventName: [...BUS_TAMPER_EVENT_NAMES], requestParameters: { name: ["default", { prefix: lz }] } },
                ],
            }),
            targets: { topic: "high", siem: true },
        },
        {
            id: "forwarding-changes",
            description: "Landing-zone event rules or their targets replaced (deployments do this too)",
            pattern: apiCalls("aws.events", {
                $or: [
                    { eventName: ["PutRule"], requestParameters: { name: [{ prefix: lz }] } },
                    { eventName: ["PutTargets"], requestParameters: { rule: [{ prefix: lz }] } },
                ],
            }),
            targets: { topic: "medium", siem: true },
        },
        {
            id: "event-rule-changes",
            description: "Event rules or buses of workloads deleted, disabled or changed",
            pattern: apiCalls("aws.events", {
                $or: [
                    { eventName: ["DeleteRule", "DisableRule", "PutRule"], requestParameters: { name: [{ "anything-but": { prefix: lz } }] } },
                    { eventName: ["RemoveTargets", "PutTargets"], requestParameters: { rule: [{ "anything-but": { prefix: lz } }] } },
                    { eventName: [...BUS_TAMPER_EVENT_NAMES], requestParameters: { name: [{ "anything-but": { wildcard: ["default", `${lz}*`] } }] } },
                ],
            }),
            targets: { topic: "low", siem: true },
        },
        ...tamperingRoutes(ctx),
        ...healthRoutes(ctx),
        ...SELF_TEST_PATHS.filter((p): p is Exclude<SelfTestPathId, "log"> => p !== "log").map((path) => ({
            id: `self-test-${path}`,
            description: `The scheduled alert self-test of the ${path === "siem" ? "SIEM queue" : `${path} topic`}: proves the bus, the rule and the ${path === "siem" ? "queue" : "topic"} deliver (e-mail subscriptions filter it out)`,
            // The bus policy admits this source from the self-test's role alone; the account is checked here too.
            pattern: { source: [SELF_TEST_SOURCE], "detail-type": [SELF_TEST_DETAIL_TYPE], account: [ctx.securityAccountId], detail: { path: [path] } },
            targets: path === "siem" ? { siem: true as const } : { topic: path },
        })),
        ...integrityRoutes(ctx.securityAccountId),
        ...responseRoutes(ctx.securityAccountId),
        {
            id: "function-tampering",
            description: "In the security account: a landing-zone function's code, configuration, concurrency, invokers or failure handling changed",
            pattern: { ...apiCalls("aws.lambda", functionTamperingDetail(ctx.namePrefix)), account: [ctx.securityAccountId] },
            targets: { topic: "high", siem: true },
        },
        ...quietAccountRoutes(ctx.quiet ?? { quietAccountIds: [], breakGlassSignInArns: [] }),
    ];
}

/**
 * Detection tampering: every call the guardrails deny, in whatever account, allowed or not, exempt
 * principals included, pages `high`. Deployments that change the detection configuration page too,
 * on purpose: such a change is rare and someone must look at who made it.
 */
function tamperingRoutes(ctx: RoutingContext): SecurityRoute[] {
    const high = { topic: "high", siem: true } as const;
    const lz = `${ctx.namePrefix}-`;
    return [
        ...DETECTION_TAMPER_CLASSES.map((c) => ({ id: c.id, description: `${c.description} (CloudTrail records of the calls the guardrails deny)`, pattern: tamperingCalls(c.events), targets: high })),
        {
            id: "alerting-tampering",
            description: "Landing-zone topics, queues or alarms deleted, opened to other accounts, purged, muted or unsubscribed",
            pattern: tamperingCalls(ALERT_RESOURCE_TAMPER_EVENTS),
            targets: high,
        },
        {
            id: "tooling-tampering",
            description: "In the security account: the central bus's policy or archive, log resource policies, schedules or alarm mute rules changed",
            pattern: { ...tamperingCalls(SECURITY_TOOLING_TAMPER_EVENTS), account: [ctx.securityAccountId] },
            targets: high,
        },
        {
            id: "bucket-tampering",
            description: "Configuration of a landing-zone log bucket changed: policy, Object Lock, versioning, lifecycle, replication, encryption, logging or notifications",
            pattern: tamperingCalls([{ eventSource: "s3.amazonaws.com", eventNames: S3_BUCKET_TAMPER_EVENTS }], { requestParameters: { bucketName: [{ prefix: lz }] } }),
            targets: high,
        },
        {
            id: "exempt-role-changes",
            description: "The deployment or break-glass role created, deleted, or its trust, policies, boundary or tags changed: minting an exemption from every guardrail",
            pattern: apiCalls("aws.iam", { eventName: [...ROLE_CHANGE_EVENT_NAMES], requestParameters: { roleName: [...ctx.exemptRoleNames] } }),
            targets: high,
        },
        {
            id: "break-glass-assumed",
            description: "The break-glass role assumed (the caller's record; the role owner's copy of a cross-account call is left out, so each use pages once)",
            pattern: {
                source: ["aws.sts"],
                "detail-type": [API_CALL],
                detail: {
                    eventName: ["AssumeRole"],
                    requestParameters: { roleArn: [{ wildcard: `arn:*:iam::*:role/${ctx.breakGlassRoleName}` }] },
                    userIdentity: { type: [{ "anything-but": "AWSAccount" }] },
                },
            },
            targets: high,
        },
        {
            id: "archive-writer",
            description: "A principal of the log-archive account wrote into the archive where only AWS services write: a forged log (the bucket policy should have refused it)",
            // The log canary's objects are the pipeline's own writes, forwarded to be counted, not forgeries.
            pattern: { source: ["aws.s3"], "detail-type": ["Object Created"], detail: { bucket: { name: [ctx.archiveBucketName] }, object: { key: [{ "anything-but": { prefix: CANARY_KEY_PREFIX } }] } } },
            targets: high,
        },
    ];
}

/**
 * The landing zone's own health: forwarded health alarms by the severity their name carries (state
 * ALARM pages, OK tells the same people it recovered), and failed AWS Config deliveries.
 */
function healthRoutes(ctx: RoutingContext): SecurityRoute[] {
    // One row per severity a forwarded signal has: a row nothing can match would be dead weight.
    const used = SEVERITY_ORDER.filter((s) => HEALTH_SIGNALS.some((x) => x.family === "forwarded" && x.severity === s));
    return [
        ...used.map((s) => ({
            id: `health-${s}`,
            description: `Landing-zone health alarms of ${s} severity (\`${healthAlarmPrefix(ctx.namePrefix, s)}…\`) going into or out of ALARM, from any account and region (docs/operations.md)`,
            pattern: {
                source: ["aws.cloudwatch"],
                "detail-type": ["CloudWatch Alarm State Change"],
                detail: { alarmName: [{ prefix: healthAlarmPrefix(ctx.namePrefix, s) }], state: { value: ["ALARM", "OK"] } },
            },
            targets: { topic: s, siem: true as const },
        })),
        {
            id: "config-delivery-failed",
            description: "AWS Config could not deliver a configuration snapshot or history file to the Config staging bucket (forwarded by members)",
            pattern: CONFIG_DELIVERY_FAILED_PATTERN,
            targets: { topic: "medium", siem: true },
        },
    ];
}

/** Ids of the rows that notify a topic, by severity. */
export function routesBySeverity(routes: readonly SecurityRoute[]): Record<Severity, string[]> {
    const out: Record<Severity, string[]> = { high: [], medium: [], low: [] };
    for (const r of routes) if (r.targets.topic) out[r.targets.topic].push(r.id);
    return out;
}
