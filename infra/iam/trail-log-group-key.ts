import { accountAdministersKey, logsEncryptsLogGroup } from "./statements";
import { policyDocument, type PolicyDocument } from "./types";

export interface TrailLogGroupKeyArgs {
    /** `arn:<partition>:iam::<account>:root`. */
    readonly accountRootArn: string;
    /** Regional CloudWatch Logs principal, e.g. `logs.us-east-1.amazonaws.com`. */
    readonly logsPrincipal: string;
    /** ARN of the one log group the key encrypts. */
    readonly logGroupArn: string;
}

/**
 * Key policy of the key that encrypts the organisation trail's log group. The account keeps
 * administration (so IAM policies in the account can grant use and the key can never become
 * unmanageable); CloudWatch Logs may use it only for the trail's log group, named in the encryption
 * context Logs sends with every request.
 */
export function trailLogGroupKeyPolicy(a: TrailLogGroupKeyArgs): PolicyDocument {
    return policyDocument([accountAdministersKey(a.accountRootArn), logsEncryptsLogGroup("LogsEncryptsTrailLogGroup", a.logsPrincipal, a.logGroupArn)]);
}
