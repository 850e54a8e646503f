/**
 * One thing a playbook is asked to act on, read from one finding: the handler turns every event
 * into a list of these (`finding-requests.ts`) and runs the playbook once per request.
 */

/** The finding a request comes from, as the result event reports it. */
export interface FindingOrigin {
    /** GuardDuty id, Security Hub `Id`, Access Analyzer id, Health event ARN. */
    readonly id: string;
    /** `aws.guardduty`, `aws.securityhub`, `aws.access-analyzer`, `aws.health`. */
    readonly source: string;
    /** Account and region of the resource to act on. */
    readonly account: string;
    readonly region: string;
    /**
     * When the source last updated the finding, as it writes it: GuardDuty `updatedAt`, Security Hub
     * `UpdatedAt`, Access Analyzer `updatedAt`, Health `lastUpdatedTime`. Undefined when the event
     * carries none. Part of the dedup key, so an update of the finding is checked again.
     */
    readonly version: string | undefined;
}

export interface PublicBucketRequest {
    readonly playbook: "public-bucket";
    readonly finding: FindingOrigin;
    readonly bucket: string;
}

export interface ExposedKeyRequest {
    readonly playbook: "exposed-key";
    readonly finding: FindingOrigin;
    readonly accessKeyId: string;
    /** GuardDuty's `accessKeyDetails.userType` (`IAMUser`, `AssumedRole`, `Root`…); absent for a Health event (an IAM user's key). */
    readonly userType?: string;
    /** The key's user when the finding names it (GuardDuty); a Health event names only the key. */
    readonly userName?: string;
    /** GuardDuty finding type, or the Health event type code. */
    readonly findingType: string;
}

export interface CompromisedInstanceRequest {
    readonly playbook: "compromised-instance";
    readonly finding: FindingOrigin;
    readonly instanceId: string;
    readonly findingType: string;
    readonly severity: number;
    /** Interfaces the finding lists (the playbook reads the instance's own, this is for the dry-run plan). */
    readonly networkInterfaces: readonly string[];
}

export type PlaybookRequest = PublicBucketRequest | ExposedKeyRequest | CompromisedInstanceRequest;

/** The resource the request acts on, as the result event's `resource`. */
export function requestResource(r: PlaybookRequest): string {
    switch (r.playbook) {
        case "public-bucket":
            return r.bucket;
        case "exposed-key":
            return r.accessKeyId;
        case "compromised-instance":
            return r.instanceId;
    }
}

/** The result event's `resources`: the ARN of what was acted on (none for a key whose user is unknown: a key has no ARN). */
export function requestResourceArns(r: PlaybookRequest, partition: string): string[] {
    switch (r.playbook) {
        case "public-bucket":
            return [`arn:${partition}:s3:::${r.bucket}`];
        case "exposed-key":
            return r.userName === undefined ? [] : [`arn:${partition}:iam::${r.finding.account}:user/${r.userName}`];
        case "compromised-instance":
            return [`arn:${partition}:ec2:${r.finding.region}:${r.finding.account}:instance/${r.instanceId}`];
    }
}

/**
 * What the dedup table's key is made of (`dedupKey(playbook, dedupSubject(request))`): the finding
 * id, the account, the resource and the finding's version (`FindingOrigin.version`). A Health event
 * ARN is not unique to an account (AWS Health User Guide, "AWS Health events Amazon EventBridge
 * schema", `eventArn`), and one Health event or Security Hub finding may name several keys or
 * buckets: each is claimed on its own.
 *
 * The version makes the key tell apart the two reasons the same finding arrives again: a second
 * delivery of the same event (EventBridge delivers at least once: same finding, same version) is a
 * duplicate and is skipped; an update of the finding (a new `UpdatedAt`, e.g. Security Hub
 * re-evaluating S3.8 after the owner removed the block again) is news, and the playbook reads the
 * resource again (it changes only what is wrong). Without the version, an update inside
 * `dedupMinutes` of a successful run would be skipped silently.
 */
export function dedupSubject(r: PlaybookRequest): string {
    return `${r.finding.id}#${r.finding.account}#${requestResource(r)}#${r.finding.version ?? ""}`;
}
