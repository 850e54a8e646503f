/**
 * The exposed-key playbook: deactivate (never delete) the IAM user's long-term access key the
 * finding names, through the member account's response role. Deactivating is reversible: an owner
 * who finds the key was not stolen turns it back on; deleting would destroy the evidence of which
 * key it was and break its user's workload for good.
 *
 * Only an IAM user's long-term key (`AKIA…`) can be deactivated. The instance-credential
 * exfiltration findings, and any finding about a role session, concern temporary credentials
 * (`ASIA…`) that `UpdateAccessKey` cannot touch: those are `not-actionable`, and the summary tells
 * the human to revoke the role's sessions.
 */
import { GetAccessKeyLastUsedCommand, ListAccessKeysCommand, UpdateAccessKeyCommand, type IAMClient } from "@aws-sdk/client-iam";
import { ActionLog } from "./action-log";
import type { ExposedKeyRequest } from "./playbook-request";
import type { PlaybookPlan, PlaybookResult } from "./playbook-result";

const LOOKUP = "iam:GetAccessKeyLastUsed";
const LIST = "iam:ListAccessKeys";
const UPDATE = "iam:UpdateAccessKey";

/** IAM's control plane is in one region per partition (AWS General Reference, "AWS Identity and Access Management endpoints and quotas"). */
export const IAM_REGIONS: Readonly<Record<string, string>> = { aws: "us-east-1", "aws-us-gov": "us-gov-west-1", "aws-cn": "cn-north-1" };

export function iamRegion(partition: string): string {
    const region = IAM_REGIONS[partition];
    if (region === undefined) throw new Error(`no IAM region known for partition ${partition}`);
    return region;
}

/** Why the key cannot be deactivated, or undefined when it can. */
function notActionable(r: ExposedKeyRequest): string | undefined {
    const longTerm = r.accessKeyId.startsWith("AKIA");
    if (longTerm && (r.userType === undefined || r.userType === "IAMUser")) return undefined;
    const who = r.userName ? `${r.userType ?? "principal"} ${r.userName}` : (r.userType ?? "an unknown principal");
    if (!longTerm) {
        return (
            `${r.findingType} in account ${r.finding.account}: ${r.accessKeyId} is a temporary credential of ${who}, which UpdateAccessKey cannot deactivate. ` +
            `Revoke the role's active sessions (IAM User Guide, "Revoking IAM role temporary security credentials"), then find how its credentials left the instance.`
        );
    }
    return `${r.findingType} in account ${r.finding.account}: key ${r.accessKeyId} belongs to ${who}, not to an IAM user; the playbook deactivates only IAM users' keys: a human must act.`;
}

/** What an enforcing run would do, from the finding alone. */
export function planExposedKey(r: ExposedKeyRequest): PlaybookPlan {
    const why = notActionable(r);
    if (why !== undefined) return { actionable: false, summary: why };
    const user = r.userName ?? "its user (looked up from the key)";
    return {
        actionable: true,
        actions: [{ action: UPDATE, target: r.accessKeyId, status: "planned" }],
        summary: `Would deactivate access key ${r.accessKeyId} of ${user} in account ${r.finding.account} unless it is already inactive (${r.findingType}).`,
    };
}

export async function runExposedKey(r: ExposedKeyRequest, iam: IAMClient): Promise<PlaybookResult> {
    const why = notActionable(r);
    if (why !== undefined) return { outcome: "not-actionable", actions: [], summary: why };
    const log = new ActionLog();
    const key = r.accessKeyId;
    // A Health event names only the key: IAM says whose it is.
    const userName =
        r.userName ??
        (await log.read(LOOKUP, key, async () => {
            const name = (await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key }))).UserName;
            if (!name) throw new Error(`IAM names no user for access key ${key}`);
            return name;
        }));
    // A user has at most two access keys (IAM quotas): one page.
    const keys = await log.read(LIST, userName, async () => (await iam.send(new ListAccessKeysCommand({ UserName: userName }))).AccessKeyMetadata ?? []);
    const found = keys.find((k) => k.AccessKeyId === key);
    if (found === undefined) {
        log.fail(UPDATE, key, `not among the access keys of user ${userName}`);
        return { outcome: "failed", actions: log.actions, summary: `Access key ${key} is not among the keys of IAM user ${userName} in account ${r.finding.account}: find its owner and deactivate it by hand.` };
    }
    if (found.Status === "Inactive") {
        log.skip(UPDATE, key);
        return { outcome: "no-change", actions: log.actions, summary: `Access key ${key} of IAM user ${userName} in account ${r.finding.account} is already inactive: nothing changed.` };
    }
    await log.change(UPDATE, key, () => iam.send(new UpdateAccessKeyCommand({ UserName: userName, AccessKeyId: key, Status: "Inactive" })));
    return {
        outcome: "succeeded",
        actions: log.actions,
        summary: `Deactivated access key ${key} of IAM user ${userName} in account ${r.finding.account} (${r.findingType}); not deleted: review its recent use in CloudTrail, give the user a new key, then delete this one.`,
    };
}
