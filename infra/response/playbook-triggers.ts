/**
 * What starts each response playbook: the findings that name something it can fix, as event
 * patterns for rules on the central bus (security account), each targeting the playbook's
 * function. The handler re-checks every condition here on every finding it receives
 * (`finding-requests.ts`): a rule is a filter, not a guarantee (EventBridge matches the fields of
 * an array's elements independently, so a Security Hub event of several findings can match with
 * no single finding qualifying).
 *
 * How the findings reach the central bus: GuardDuty, Security Hub and IAM Access Analyzer report
 * through their delegated administrator (the security account), so `account` is the security
 * account and the member account is inside `detail`; AWS Health events are forwarded by the member
 * account itself, so `account` is the member. PutEvents refuses `aws.*` sources, so none of these
 * events can be put by hand.
 */
import type { PlaybookId } from "../config/playbooks";

export interface PlaybookScope {
    /** Accounts the playbook may act in. */
    readonly accounts: readonly string[];
    /** `aws`, `aws-us-gov`, `aws-cn`. */
    readonly partition: string;
}

export interface PlaybookTrigger {
    /** Unique among all playbooks' triggers: part of the rule's name. */
    readonly id: string;
    readonly description: string;
    readonly pattern: Record<string, unknown>;
}

/**
 * Security Hub controls whose FAILED finding names one S3 general purpose bucket open to the
 * public: S3.2 (blocks public read access), S3.3 (blocks public write access), S3.8 (blocks
 * public access), Security Hub User Guide, "Security Hub controls for Amazon S3".
 *
 * S3.1 ("should have block public access settings enabled") is deliberately absent: its resource
 * is the account (`AWS::::Account`), and its fix is the account-wide Block Public Access, which
 * would also close every bucket an account keeps public on purpose (a website, a public data
 * set). That decision belongs to the account's owner, not to an automatic response.
 */
export const PUBLIC_BUCKET_CONTROLS = ["S3.2", "S3.3", "S3.8"] as const;

/**
 * GuardDuty finding types saying an IAM user's access key is used by someone else (GuardDuty User
 * Guide, "GuardDuty IAM finding types"): the anomalous-behaviour finding of every tactic, and the
 * instance-credential exfiltration findings (whose credentials are an instance role's temporary
 * ones: the playbook reports them `not-actionable`, a human revokes the role's sessions).
 */
export const ANOMALOUS_BEHAVIOR_TYPES = [
    "CredentialAccess:IAMUser/AnomalousBehavior",
    "DefenseEvasion:IAMUser/AnomalousBehavior",
    "Discovery:IAMUser/AnomalousBehavior",
    "Exfiltration:IAMUser/AnomalousBehavior",
    "Impact:IAMUser/AnomalousBehavior",
    "InitialAccess:IAMUser/AnomalousBehavior",
    "Persistence:IAMUser/AnomalousBehavior",
    "PrivilegeEscalation:IAMUser/AnomalousBehavior",
] as const;
export const INSTANCE_CREDENTIAL_EXFILTRATION_TYPES = [
    "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS",
    "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.InsideAWS",
] as const;
/** What every anomalous-behaviour type of an IAM user ends with. */
export const ANOMALOUS_BEHAVIOR_SUFFIX = ":IAMUser/AnomalousBehavior";
export const EXPOSED_KEY_FINDING_TYPES: readonly string[] = [...INSTANCE_CREDENTIAL_EXFILTRATION_TYPES, ...ANOMALOUS_BEHAVIOR_TYPES];

/**
 * AWS Health event types for an access key found in public (service `RISK`; the event names the
 * key in `affectedEntities[].entityValue`, as AWS's own `aws-health-tools` response sample reads
 * it). AWS has already attached its quarantine policy to the user; deactivating the key finishes
 * the job.
 */
export const EXPOSED_KEY_HEALTH_EVENT_TYPES = ["AWS_RISK_CREDENTIALS_EXPOSED", "AWS_RISK_CREDENTIALS_EXPOSURE_SUSPECTED"] as const;

/** GuardDuty severity from which an instance finding isolates the instance: High (7.0–8.9) and Critical (9.0–10.0). */
export const COMPROMISED_INSTANCE_MIN_SEVERITY = 7;

/**
 * GuardDuty finding types that never isolate an instance: reconnaissance of it from outside
 * (`Recon:EC2/PortProbeUnprotectedPort`, `Recon:EC2/PortProbeEMRUnprotectedPort`, which is High)
 * says only that an open port was probed by a known malicious host, which anyone can arrange
 * without touching the instance (GuardDuty User Guide, "GuardDuty EC2 finding types"). The
 * instance's own scanning (`Recon:EC2/Portscan`) is Medium, below the threshold anyway.
 */
export const COMPROMISED_INSTANCE_EXCLUDED_TYPE_PREFIX = "Recon:";

/**
 * End of the `ProductArn` of Security Hub's own findings, `arn:<partition>:securityhub:<region>::product/aws/securityhub`:
 * the empty account field marks an AWS product. A `suffix`, not a `wildcard` (which would also
 * check the partition): rules with wildcards are limited to 30 per bus, not adjustable (EventBridge
 * quotas); the handler checks the whole ARN, partition included.
 */
export const SECURITY_HUB_PRODUCT_SUFFIX = "::product/aws/securityhub";

/**
 * A GuardDuty finding that is not a sample: `CreateSampleFindings` (which an account's
 * administrator may call) marks its findings `service.additionalInfo.sample: true`; real findings
 * have no such field.
 */
const NOT_SAMPLE = { additionalInfo: { sample: [{ exists: false }] } };

function guardDuty(scope: PlaybookScope, detail: Record<string, unknown>): Record<string, unknown> {
    return {
        source: ["aws.guardduty"],
        "detail-type": ["GuardDuty Finding"],
        detail: { accountId: [...scope.accounts], partition: [scope.partition], ...detail, service: NOT_SAMPLE },
    };
}

/** One entry per EventBridge rule on the central bus, each targeting the playbook's function. */
export function playbookTriggers(playbook: PlaybookId, scope: PlaybookScope): readonly PlaybookTrigger[] {
    if (scope.accounts.length === 0) throw new Error(`playbookTriggers(${playbook}): no account in scope`);
    const accounts = [...scope.accounts];
    switch (playbook) {
        case "public-bucket":
            return [
                {
                    id: "securityhub-public-bucket",
                    description: `Security Hub: a bucket failing ${PUBLIC_BUCKET_CONTROLS.join("/")} (public access not blocked), new and active, found by Security Hub itself`,
                    pattern: {
                        source: ["aws.securityhub"],
                        "detail-type": ["Security Hub Findings - Imported"],
                        detail: {
                            findings: {
                                // Only Security Hub's own control findings: a finding an account's
                                // administrator imports with BatchImportFindings carries its own
                                // product ARN (`...:<account>:product/<account>/default`) and must
                                // not be able to make the playbook act.
                                ProductArn: [{ suffix: SECURITY_HUB_PRODUCT_SUFFIX }],
                                AwsAccountId: accounts,
                                Compliance: { SecurityControlId: [...PUBLIC_BUCKET_CONTROLS], Status: ["FAILED"] },
                                RecordState: ["ACTIVE"],
                                Workflow: { Status: ["NEW"] },
                                Resources: { Type: ["AwsS3Bucket"] },
                            },
                        },
                    },
                },
                {
                    id: "access-analyzer-public-bucket",
                    description: "IAM Access Analyzer: an active finding of a bucket readable or writable by anyone",
                    pattern: {
                        source: ["aws.access-analyzer"],
                        "detail-type": ["Access Analyzer Finding"],
                        detail: { resourceType: ["AWS::S3::Bucket"], isPublic: [true], status: ["ACTIVE"], accountId: accounts },
                    },
                },
            ];
        case "exposed-key":
            return [
                {
                    id: "guardduty-exposed-key",
                    description: "GuardDuty: an access key used anomalously or from outside its instance (not a sample finding)",
                    // The eight AnomalousBehavior types by their common suffix: the account list is most of the
                    // pattern and must fit EventBridge's 2,048 characters for as many accounts as it can; the
                    // handler still accepts only the listed types.
                    pattern: guardDuty(scope, { type: [{ suffix: ANOMALOUS_BEHAVIOR_SUFFIX }, ...INSTANCE_CREDENTIAL_EXFILTRATION_TYPES] }),
                },
                {
                    id: "health-exposed-key",
                    description: "AWS Health: an access key of the account found exposed in public",
                    pattern: {
                        source: ["aws.health"],
                        "detail-type": ["AWS Health Event"],
                        account: accounts,
                        detail: { service: ["RISK"], eventTypeCode: [...EXPOSED_KEY_HEALTH_EVENT_TYPES] },
                    },
                },
            ];
        case "compromised-instance":
            return [
                {
                    id: "guardduty-compromised-instance",
                    description: `GuardDuty: a finding of severity ${COMPROMISED_INSTANCE_MIN_SEVERITY} or more (high, critical) on an EC2 instance, not reconnaissance of it (not a sample finding)`,
                    // The handler also refuses port probes and inbound connections of any type (`finding-requests.ts`):
                    // a pattern cannot say "not (NETWORK_CONNECTION and INBOUND)" in few characters.
                    pattern: guardDuty(scope, {
                        type: [{ "anything-but": { prefix: COMPROMISED_INSTANCE_EXCLUDED_TYPE_PREFIX } }],
                        resource: { resourceType: ["Instance"] },
                        severity: [{ numeric: [">=", COMPROMISED_INSTANCE_MIN_SEVERITY] }],
                    }),
                },
            ];
    }
}

/** EventBridge's default largest event pattern, in characters (EventBridge User Guide, "Amazon EventBridge quotas": 2,048, adjustable). */
export const MAX_EVENT_PATTERN_CHARS = 2048;

/**
 * The playbook's triggers with its accounts spread over as few rules per trigger as keep every
 * pattern within `maxChars`: an account list is most of a pattern, and a GuardDuty trigger passes
 * the default limit at about 90 accounts. With one rule the ids are `playbookTriggers`'; with n,
 * `<id>-1` … `<id>-n`, each rule matching its share of the accounts.
 */
export function playbookRules(playbook: PlaybookId, scope: PlaybookScope, maxChars = MAX_EVENT_PATTERN_CHARS): readonly PlaybookTrigger[] {
    const fits = (accounts: readonly string[]) => playbookTriggers(playbook, { ...scope, accounts }).every((t) => JSON.stringify(t.pattern).length <= maxChars);
    for (let n = 1; n <= scope.accounts.length; n++) {
        const size = Math.ceil(scope.accounts.length / n);
        const chunks = Array.from({ length: Math.ceil(scope.accounts.length / size) }, (_, i) => scope.accounts.slice(i * size, (i + 1) * size));
        if (!chunks.every(fits)) continue;
        if (chunks.length === 1) return playbookTriggers(playbook, scope);
        return chunks.flatMap((accounts, i) => playbookTriggers(playbook, { ...scope, accounts }).map((t) => ({ ...t, id: `${t.id}-${i + 1}` })));
    }
    throw new Error(`playbookRules(${playbook}): a pattern naming a single account is over ${maxChars} characters`);
}
