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

/** Member clients built on first use: each playbook needs one of the three. */
function memberClients(credentials: RoleCredentials, region: string): MemberClients {
    const config = { region, credentials };
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
}

export async function handler(event: unknown): Promise<{ results: readonly { outcome: string; findingId: string; resource: string }[] }> {
    const config = parsePlaybookConfig(process.env[RESPONSE_CONFIG_VARIABLE]);
    const home = process.env.AWS_REGION;
    const busRegion = config.eventBusArn.split(":")[3];
    const results: readonly ResponseResultDetail[] = await runPlaybook(config, event, {
        sts: new STSClient({ region: home }),
        dynamodb: new DynamoDBClient({ region: home }),
        events: new EventBridgeClient({ region: busRegion }),
        memberClients,
        now: () => new Date(),
        log: (entry) => console.log(JSON.stringify(entry)),
    });
    return { results: results.map((r) => ({ outcome: r.outcome, findingId: r.findingId, resource: r.resource })) };
}
