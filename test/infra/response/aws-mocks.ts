/**
 * Every SDK client a playbook function uses, mocked with aws-sdk-client-mock (the mock replaces
 * `send` of every instance of the class), and the calls they received as `[Command, input]`.
 */
import { mockClient, type AwsClientStub } from "aws-sdk-client-mock";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { EC2Client } from "@aws-sdk/client-ec2";
import { EventBridgeClient, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { IAMClient } from "@aws-sdk/client-iam";
import { S3Client } from "@aws-sdk/client-s3";
import { STSClient } from "@aws-sdk/client-sts";

export type Call = [command: string, input: Record<string, any>];

export type MemberService = "s3" | "iam" | "ec2";

/**
 * The IAM action a member-account command is authorised as (Service Authorization Reference). S3's
 * differ from its API names; IAM's and EC2's are `<prefix>:<Operation>`. An S3 command not listed
 * here fails the check until someone looks its action up.
 */
const S3_ACTIONS: Record<string, string> = { GetPublicAccessBlockCommand: "s3:GetBucketPublicAccessBlock", PutPublicAccessBlockCommand: "s3:PutBucketPublicAccessBlock" };
export function iamActionOf(service: MemberService, command: string): string {
    if (service === "s3") {
        const action = S3_ACTIONS[command];
        if (action === undefined) throw new Error(`no IAM action known for S3 ${command}`);
        return action;
    }
    return `${service}:${command.replace(/Command$/, "")}`;
}

export interface AwsMocks {
    /** `service command` of every member-account call the enclosing describe's tests made. */
    readonly observed: Set<string>;
    readonly s3: AwsClientStub<S3Client>;
    readonly iam: AwsClientStub<IAMClient>;
    readonly ec2: AwsClientStub<EC2Client>;
    readonly sts: AwsClientStub<STSClient>;
    readonly dynamodb: AwsClientStub<DynamoDBClient>;
    readonly events: AwsClientStub<EventBridgeClient>;
}

export function calls(stub: AwsClientStub<any>): Call[] {
    return stub.calls().map((c) => [(c.args[0] as object).constructor.name, (c.args[0] as { input: Record<string, any> }).input]);
}

/** The calls of several clients as `[Command, input]`, in the order they were made (sinon numbers every call: `callId`). */
export function callsInOrder(...stubs: AwsClientStub<any>[]): Call[] {
    return stubs
        .flatMap((stub) => stub.calls().map((c) => ({ id: (c as unknown as { callId: number }).callId, call: [(c.args[0] as object).constructor.name, (c.args[0] as { input: Record<string, any> }).input] as Call })))
        .sort((a, b) => a.id - b.id)
        .map((c) => c.call);
}

/** The region of the client that received the `index`th call. */
export async function regionOf(stub: AwsClientStub<any>, index: number): Promise<string> {
    return (stub.call(index).thisValue as { config: { region: () => Promise<string> } }).config.region();
}

/** The access key id the client that received the `index`th call signs with (only for a client given credentials). */
export async function accessKeyOf(stub: AwsClientStub<any>, index: number): Promise<string> {
    return (await (stub.call(index).thisValue as { config: { credentials: () => Promise<{ accessKeyId: string }> } }).config.credentials()).accessKeyId;
}

const CLIENTS = ["s3", "iam", "ec2", "sts", "dynamodb", "events"] as const;

/** Mocks every client for the enclosing `describe`: fresh before each test, restored after all. */
export function useAwsMocks(): AwsMocks {
    const m = {} as { -readonly [K in Exclude<keyof AwsMocks, "observed">]: AwsMocks[K] };
    const observed = new Set<string>();
    before(() => {
        m.s3 = mockClient(S3Client);
        m.iam = mockClient(IAMClient);
        m.ec2 = mockClient(EC2Client);
        m.sts = mockClient(STSClient);
        m.dynamodb = mockClient(DynamoDBClient);
        m.events = mockClient(EventBridgeClient);
    });
    beforeEach(() => {
        for (const k of CLIENTS) m[k].reset();
        m.events.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: "result-1" }] });
    });
    afterEach(() => {
        for (const k of ["s3", "iam", "ec2"] as const) for (const [c] of calls(m[k])) observed.add(`${k} ${c}`);
    });
    after(() => {
        for (const k of CLIENTS) m[k].restore();
    });
    return Object.assign(m, { observed });
}

/** An AWS error as the SDK throws it (its `name` is the error code). */
export function awsError(name: string, message: string): Error {
    return Object.assign(new Error(message), { name, $fault: "client", $metadata: { httpStatusCode: 400 } });
}
