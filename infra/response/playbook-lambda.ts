/**
 * Lambda entry of every response playbook (the configuration's `playbook` says which): reads
 * `LZ_RESPONSE_CONFIG`, builds the AWS SDK clients and runs `runPlaybook` on the event. STS and
 * DynamoDB in the function's own region (security account, home region, where the dedup table
 * is), EventBridge in the central bus's region, and the member account's clients with the response
 * role's credentials in the region the playbook acts in.
 */
import { STSClient } from "@aws-sdk/client-sts";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { EC2Client } from "@aws-sdk/client-ec2";
import { IAMClient } from "@aws-sdk/client-iam";
import { S3Client } from "@aws-sdk/client-s3";
import { RESPONSE_CONFIG_VARIABLE, type ResponseResultDetail } from "../config/playbooks";
import { parsePlaybookConfig } from "./playbook-config";
import { runPlaybook, type MemberClients, type RoleCredentials } from "./run-playbook";

export { parsePlaybookConfig, RESPONSE_CONFIG_VARIABLE };

/** Options of `@smithy/node-http-handler` (milliseconds), which SDK v3 clients take as `requestHandler`. */
export interface MemberRequestTimeouts {
    readonly connectionTimeout: number;
    readonly requestTimeout: number;
    readonly throwOnRequestTimeout: boolean;
    readonly socketTimeout: number;
}

/**
 * Time limits of every member-account call: a call that hangs (a member account whose
 * API rate its own administrator floods, a network fault) fails as an AWS error that the playbook
 * reports `failed` and releases, instead of running into the function's timeout (120 s), where
 * Lambda stops the run before it can post anything. With the SDK's standard retries (3 attempts) a
 * hung call gives up after about 3 × 10 s and the backoff, well within the function's time.
 *
 * Which option stops a hung response depends on the SDK version the Lambda runtime provides: in older
 * versions `requestTimeout` is an idle-socket timeout that fails the call; in current ones it only
 * logs unless `throwOnRequestTimeout`, and `socketTimeout` is the idle-socket timeout. All are set.
 */
export const MEMBER_REQUEST_TIMEOUTS: MemberRequestTimeouts = { connectionTimeout: 3_000, requestTimeout: 10_000, throwOnRequestTimeout: true, socketTimeout: 10_000 };

/** Member clients built on first use (each playbook needs one of the three), with `timeouts` on every call. */
export function memberClientsWith(timeouts: MemberRequestTimeouts): (credentials: RoleCredentials, region: string) => MemberClients {
    return (credentials: RoleCredentials, region: string): MemberClients => {
        const config = { region, credentials, requestHandler: { ...timeouts } };
        let s3: S3Client | undefined;
        let iam: IAMClient | undefined;
        let ec2: EC2Client | undefined;
        return {
            get s3() {
                return (s3 ??= new S3Client(config));
            },
            get iam() {
                return (iam ??= new IAMClient(config));
            },
            get ec2() {
                return (ec2 ??= new EC2Client(config));
            },
        };
    };
}

export const memberClients = memberClientsWith(MEMBER_REQUEST_TIMEOUTS);

/** What the handler reads of the Lambda context (Lambda Developer Guide, "Using the Lambda context object to retrieve Node.js function information"). */
export interface LambdaContext {
    getRemainingTimeInMillis?: () => number;
}

export async function handler(event: unknown, context?: LambdaContext): Promise<{ results: readonly { outcome: string; findingId: string; resource: string }[] }> {
    const config = parsePlaybookConfig(process.env[RESPONSE_CONFIG_VARIABLE]);
    const home = process.env.AWS_REGION;
    const busRegion = config.eventBusArn.split(":")[3];
    const results: readonly ResponseResultDetail[] = await runPlaybook(config, event, {
        sts: new STSClient({ region: home }),
        dynamodb: new DynamoDBClient({ region: home }),
        events: new EventBridgeClient({ region: busRegion }),
        memberClients,
        now: () => new Date(),
        remainingMillis: context?.getRemainingTimeInMillis ? () => context.getRemainingTimeInMillis!() : undefined,
        log: (entry) => console.log(JSON.stringify(entry)),
    });
    return { results: results.map((r) => ({ outcome: r.outcome, findingId: r.findingId, resource: r.resource })) };
}
