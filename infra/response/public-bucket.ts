/**
 * The public-bucket playbook: turn on all four Block Public Access settings of the one bucket the
 * finding names (S3 client in the bucket's region, through the member account's response role).
 * It changes nothing else: the bucket policy and ACLs stay as they are (Block Public Access
 * overrides them), so the owner can see what was public and decide.
 */
import { GetPublicAccessBlockCommand, PutPublicAccessBlockCommand, type PublicAccessBlockConfiguration, type S3Client } from "@aws-sdk/client-s3";
import { ActionLog } from "./action-log";
import type { PublicBucketRequest } from "./playbook-request";
import type { PlaybookPlan, PlaybookResult } from "./playbook-result";

const GET = "s3:GetBucketPublicAccessBlock";
const PUT = "s3:PutBucketPublicAccessBlock";

/** Every public access blocked: the setting S3 recommends for any bucket not meant to be public. */
export const BLOCK_ALL: Required<PublicAccessBlockConfiguration> = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };

/** What an enforcing run would change, from the finding alone. */
export function planPublicBucket(r: PublicBucketRequest): PlaybookPlan {
    return {
        actionable: true,
        actions: [{ action: PUT, target: r.bucket, status: "planned" }],
        summary: `Would block all public access to bucket ${r.bucket} (account ${r.finding.account}, ${r.finding.region}) unless it already does.`,
    };
}

export async function runPublicBucket(r: PublicBucketRequest, s3: S3Client): Promise<PlaybookResult> {
    const log = new ActionLog();
    // ExpectedBucketOwner: the call fails rather than touch a bucket of that name in another account.
    const owner = { Bucket: r.bucket, ExpectedBucketOwner: r.finding.account };
    const current = await log.read(GET, r.bucket, async () => {
        try {
            return (await s3.send(new GetPublicAccessBlockCommand(owner))).PublicAccessBlockConfiguration ?? {};
        } catch (e) {
            // No configuration at all: every setting is off (S3 API Reference, GetPublicAccessBlock).
            if ((e as Error).name === "NoSuchPublicAccessBlockConfiguration") return {};
            throw e;
        }
    });
    const off = (Object.keys(BLOCK_ALL) as (keyof PublicAccessBlockConfiguration)[]).filter((k) => current[k] !== true);
    if (off.length === 0) {
        log.skip(PUT, r.bucket);
        return { outcome: "no-change", actions: log.actions, summary: `Bucket ${r.bucket} (account ${r.finding.account}) already blocks all public access: nothing changed.` };
    }
    await log.change(PUT, r.bucket, () => s3.send(new PutPublicAccessBlockCommand({ ...owner, PublicAccessBlockConfiguration: { ...BLOCK_ALL } })));
    return {
        outcome: "succeeded",
        actions: log.actions,
        summary: `Blocked all public access to bucket ${r.bucket} (account ${r.finding.account}, ${r.finding.region}); ${off.join(", ")} had been off. Its policy and ACLs are unchanged: check with the owner whether anything must be public.`,
    };
}
