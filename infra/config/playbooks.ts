/**
 * The automated response playbooks: what each one is called, how it is switched, the event it
 * puts back on the central bus, and the configuration its Lambda function reads. The contract
 * between the handlers (`infra/response/`, bundled into the functions), the IAM documents
 * (`infra/iam/response-*`), the security stack's wiring and the member baseline's response roles.
 *
 * Config is the ground floor: this file imports nothing, so the handlers bundle without Pulumi.
 */

/** The playbooks, in the order the docs and plans list them. */
export const PLAYBOOK_IDS = ["public-bucket", "exposed-key", "compromised-instance"] as const;
export type PlaybookId = (typeof PLAYBOOK_IDS)[number];

/**
 * A playbook's switch: `off` deploys nothing; `dry-run` deploys the function and the member roles,
 * reads the finding and reports what it would do, and calls no AWS API but the result's
 * PutEvents; `enforce` acts.
 */
export const PLAYBOOK_MODES = ["off", "dry-run", "enforce"] as const;
export type PlaybookMode = (typeof PLAYBOOK_MODES)[number];

/** `source` and `detail-type` of every playbook result on the central bus (PutEvents refuses `aws.` sources). */
export const RESPONSE_EVENT_SOURCE = "lz.response";
export const RESPONSE_DETAIL_TYPE = "Response Playbook Result";

/**
 * What a run came to. `failed` (an AWS call refused or erred, or the finding could not be acted
 * on as the playbook must, e.g. no quarantine group in the instance's VPC) and `not-actionable`
 * (the finding names something the playbook never touches, e.g. a role's temporary credentials)
 * page `high`: a human must act. The others go to `medium`.
 */
export const RESPONSE_OUTCOMES = ["succeeded", "no-change", "dry-run", "not-actionable", "failed"] as const;
export type ResponseOutcome = (typeof RESPONSE_OUTCOMES)[number];
export const HIGH_OUTCOMES: readonly ResponseOutcome[] = ["failed", "not-actionable"];

/** One AWS call a playbook made (or, in dry-run, would make). */
export interface ResponseAction {
    /** The IAM action, e.g. `iam:UpdateAccessKey`. */
    readonly action: string;
    /** What it was applied to: a bucket name, access key id, instance/volume/interface id. */
    readonly target: string;
    /** `planned` in dry-run; `done` or `failed` otherwise; `skipped` when the state was already right. */
    readonly status: "planned" | "done" | "failed" | "skipped";
    readonly error?: string;
}

/** `detail` of the result event. */
export interface ResponseResultDetail {
    readonly playbook: PlaybookId;
    readonly mode: Exclude<PlaybookMode, "off">;
    readonly outcome: ResponseOutcome;
    /** The finding's id (GuardDuty id, Security Hub `Id`, Access Analyzer id, Health event ARN). */
    readonly findingId: string;
    /** `aws.guardduty`, `aws.securityhub`, `aws.access-analyzer`, `aws.health`. */
    readonly findingSource: string;
    /** The account and region of the resource acted on. */
    readonly account: string;
    readonly region: string;
    /** The resource (bucket name, access key id, instance id). */
    readonly resource: string;
    readonly actions: readonly ResponseAction[];
    /** One sentence a person reads in the page. */
    readonly summary: string;
}

/** Environment variable holding a playbook function's configuration as JSON. */
export const RESPONSE_CONFIG_VARIABLE = "LZ_RESPONSE_CONFIG";

/** What a playbook function is told by the security stack (its `RESPONSE_CONFIG_VARIABLE`). */
export interface PlaybookConfig {
    readonly playbook: PlaybookId;
    readonly mode: Exclude<PlaybookMode, "off">;
    /** `aws`, `aws-us-gov`, `aws-cn`: the member role's ARN is built from it. */
    readonly partition: string;
    /** Name of the playbook's response role in every account in scope (`responseRoleName`). */
    readonly roleName: string;
    /** External id the response roles require (`responseExternalId`). */
    readonly externalId: string;
    /** Accounts the playbook may act in; a finding of any other account is not acted on. */
    readonly accounts: readonly string[];
    /** DynamoDB table of recent findings (security account, home region). */
    readonly dedupTable: string;
    /** How long a finding already handled is ignored, minutes. */
    readonly dedupMinutes: number;
    /** The central bus the result goes to. */
    readonly eventBusArn: string;
    /** Tag key marking quarantine security groups, and the tags the playbook writes (`QUARANTINE_TAG_KEY`). */
    readonly tagKey: string;
}

/**
 * Tag key, value `true`: on the quarantine security group the member baseline creates in each
 * listed VPC (the compromised-instance playbook finds the group by it, and its role may attach no
 * group without it), and on the instance and snapshots the playbook isolated and took.
 */
export const QUARANTINE_TAG_KEY = "lz:quarantine";
/** The only other tag the compromised-instance playbook writes (value: the finding id): the finding that caused the quarantine. */
export const FINDING_TAG_KEY = "lz:response-finding";

/**
 * Dedup table: partition key `<playbook>#<subject>` (the handlers' subject is finding id, account,
 * resource and the finding's last update time, `dedupSubject`: one Health event names several keys,
 * its ARN is not unique per account, and an update of a finding must be checked again while a
 * second delivery of the same update must not), expiry attribute (DynamoDB TTL, epoch seconds).
 * The `<playbook>#` prefix is what each function's permissions are limited to (`dynamodb:LeadingKeys`).
 */
export const DEDUP_KEY_ATTRIBUTE = "findingKey";
export const DEDUP_EXPIRY_ATTRIBUTE = "expiresAt";
export function dedupKey(playbook: PlaybookId, subject: string): string {
    return `${playbook}#${subject}`;
}

/**
 * External id the playbook's function passes and its response roles require. Not a secret: it
 * ties each role to one playbook of one landing zone (a role of another playbook, or of another
 * landing zone trusting the same account, refuses the session), the confused-deputy guard IAM
 * documents for cross-account roles (IAM User Guide, "Access to AWS resources owned by third parties").
 */
export function responseExternalId(namePrefix: string, playbook: PlaybookId, securityAccountId: string): string {
    return `${namePrefix}-${playbook}-${securityAccountId}`;
}

/** Session name of the playbook's assumed role: the finding is in CloudTrail's record of every call it makes. */
export function responseSessionName(playbook: PlaybookId, findingId: string): string {
    const tail = findingId.replace(/[^\w+=,.@-]/g, "").slice(-40);
    return `${playbook}-${tail}`.slice(0, 64);
}
