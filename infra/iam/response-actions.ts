/**
 * The AWS calls each response playbook makes in a member account, as IAM actions: the response
 * roles allow exactly these (`response-role-permissions.ts`), the handlers make no other call
 * through the assumed role (their tests check every command sent against these lists), and the
 * guardrails must leave them allowed to the response roles.
 *
 * Resource types and condition keys from the Service Authorization Reference (Amazon S3, IAM,
 * Amazon EC2): `Describe*` calls have no resource type (authorised on `*` only);
 * `ModifyNetworkInterfaceAttribute` names the interface, its instance, its subnet and every group
 * attached; `CreateSnapshot` names the volume and the new snapshot.
 */
import type { PlaybookId } from "../config/playbooks";

export const PUBLIC_BUCKET_ACTIONS = ["s3:GetBucketPublicAccessBlock", "s3:PutBucketPublicAccessBlock"] as const;

/** Looks the key's user up (a Health event names only the key), reads its status, deactivates it. Never `iam:DeleteAccessKey`. */
export const EXPOSED_KEY_ACTIONS = ["iam:GetAccessKeyLastUsed", "iam:ListAccessKeys", "iam:UpdateAccessKey"] as const;

/** Reads (on `*`: no resource type). */
export const COMPROMISED_INSTANCE_READ_ACTIONS = ["ec2:DescribeInstances", "ec2:DescribeSecurityGroups", "ec2:DescribeSnapshots"] as const;
/** Acts: swaps each interface's groups for the quarantine group, snapshots each volume, tags instance and snapshots. Never terminates or stops. */
export const COMPROMISED_INSTANCE_WRITE_ACTIONS = ["ec2:ModifyNetworkInterfaceAttribute", "ec2:CreateSnapshot", "ec2:CreateTags"] as const;

export const RESPONSE_ROLE_ACTIONS: Readonly<Record<PlaybookId, readonly string[]>> = {
    "public-bucket": PUBLIC_BUCKET_ACTIONS,
    "exposed-key": EXPOSED_KEY_ACTIONS,
    "compromised-instance": [...COMPROMISED_INSTANCE_READ_ACTIONS, ...COMPROMISED_INSTANCE_WRITE_ACTIONS],
};

/** What a playbook's function itself does in the security account: claim a finding in the dedup table (and release it after a failure). */
export const DEDUP_ACTIONS = ["dynamodb:PutItem", "dynamodb:DeleteItem"] as const;
