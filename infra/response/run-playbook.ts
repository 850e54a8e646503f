/**
 * One delivery of an event to a playbook's function, from the event to the result events on the
 * central bus. Pure over injected SDK clients (`playbook-lambda.ts` builds the real ones).
 *
 * - `dry-run`: the plan, from the finding alone, posted as a `dry-run` result. No other AWS call:
 *   no STS, no DynamoDB, nothing in the member account.
 * - `enforce`: claim the finding's version in the dedup table as a short lease (`running`, until
 *   this invocation's deadline and a margin); assume the member account's response role; act; post
 *   the result; then turn the claim into `done` for `dedupMinutes`. A second delivery of the same
 *   version (EventBridge delivers at least once) meets the claim: a `done` one is skipped; a
 *   `running` one makes the invocation fail, so that Lambda retries it later rather than forgetting
 *   it (if the first run finished by then, the retry is skipped; if it was killed, its lease has
 *   lapsed and the retry acts). A run that Lambda kills at its timeout releases nothing, and its
 *   lease lapses on its own shortly after. A failure releases the claim, so a later delivery (or the
 *   next update of the finding) tries again.
 * - A result that cannot be posted fails the invocation (after releasing the claim): Lambda retries
 *   it, then leaves it in the function's dead-letter queue, which pages. A result is never lost silently.
 */
import { AssumeRoleCommand, type STSClient } from "@aws-sdk/client-sts";
import { DeleteItemCommand, PutItemCommand, type AttributeValue, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { PutEventsCommand, type EventBridgeClient } from "@aws-sdk/client-eventbridge";
import type { EC2Client } from "@aws-sdk/client-ec2";
import type { IAMClient } from "@aws-sdk/client-iam";
import type { S3Client } from "@aws-sdk/client-s3";
import {
    DEDUP_EXPIRY_ATTRIBUTE,
    DEDUP_KEY_ATTRIBUTE,
    RESPONSE_DETAIL_TYPE,
    RESPONSE_EVENT_SOURCE,
    dedupKey,
    responseSessionName,
    type PlaybookConfig,
    type ResponseResultDetail,
} from "../config/playbooks";
import { ActionFailed, awsError } from "./action-log";
import { planCompromisedInstance, runCompromisedInstance } from "./compromised-instance";
import { iamRegion, planExposedKey, runExposedKey } from "./exposed-key";
import { findingRequests } from "./finding-requests";
import { dedupSubject, requestResource, requestResourceArns, type PlaybookRequest } from "./playbook-request";
import type { PlaybookPlan, PlaybookResult } from "./playbook-result";
import { planPublicBucket, runPublicBucket } from "./public-bucket";

/** Temporary credentials of the member account's response role. */
export interface RoleCredentials {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken: string;
    readonly expiration?: Date;
}

/** SDK clients in a member account, signed with the response role's credentials, in one region. */
export interface MemberClients {
    readonly s3: S3Client;
    readonly iam: IAMClient;
    readonly ec2: EC2Client;
}

export interface PlaybookDeps {
    /** In the function's own region (security account). */
    readonly sts: STSClient;
    /** Where the dedup table is (security account, home region). */
    readonly dynamodb: DynamoDBClient;
    /** In the central bus's region. */
    readonly events: EventBridgeClient;
    readonly memberClients: (credentials: RoleCredentials, region: string) => MemberClients;
    readonly now: () => Date;
    /**
     * Milliseconds this invocation has left before Lambda stops it (the Lambda context's
     * `getRemainingTimeInMillis`); when absent, `DEFAULT_REMAINING_MILLIS`.
     */
    readonly remainingMillis?: () => number;
    /** One structured line of the function's log. */
    readonly log: (entry: Record<string, unknown>) => void;
}

/**
 * The dedup item's state: `running` while a run acts (a lease that lapses shortly after the
 * invocation's deadline, so a run Lambda kills cannot hold the finding), `done` once its result is
 * posted (kept `dedupMinutes`). `status` is a DynamoDB reserved word: any expression naming it
 * needs `ExpressionAttributeNames` (the claim's condition does not name it).
 */
export const DEDUP_STATUS_ATTRIBUTE = "status";
export type ClaimStatus = "running" | "done";
/** Lambda's longest function timeout, 900 seconds (Lambda Developer Guide, "Configure Lambda function timeout"): the lease when no context says better. */
export const DEFAULT_REMAINING_MILLIS = 900_000;
/** Added to the invocation's deadline for the lease: the kill is not instant and the clocks of Lambda and DynamoDB are not ours. */
export const LEASE_MARGIN_SECONDS = 30;

export function planRequest(r: PlaybookRequest): PlaybookPlan {
    switch (r.playbook) {
        case "public-bucket":
            return planPublicBucket(r);
        case "exposed-key":
            return planExposedKey(r);
        case "compromised-instance":
            return planCompromisedInstance(r);
    }
}

/** The region the playbook's member client works in: IAM's for keys, the resource's otherwise. */
export function actingRegion(r: PlaybookRequest, partition: string): string {
    return r.playbook === "exposed-key" ? iamRegion(partition) : r.finding.region;
}

/** Runs the playbook on every request of `event`; resolves with the results posted. */
export async function runPlaybook(config: PlaybookConfig, event: unknown, deps: PlaybookDeps): Promise<readonly ResponseResultDetail[]> {
    const { requests, ignored } = findingRequests(config.playbook, event, { accounts: config.accounts, partition: config.partition });
    for (const reason of ignored) deps.log({ playbook: config.playbook, ignored: reason });
    const posted: ResponseResultDetail[] = [];
    const errors: string[] = [];
    for (const request of requests) {
        try {
            const detail = config.mode === "dry-run" ? await dryRun(config, request, deps) : await enforce(config, request, deps);
            if (detail !== undefined) posted.push(detail);
        } catch (e) {
            errors.push(`${requestResource(request)} (${request.finding.id}): ${(e as Error).message}`);
        }
    }
    if (errors.length > 0) throw new Error(`${config.playbook}: ${errors.length} of ${requests.length} finding(s) not handled: ${errors.join("; ")}`);
    return posted;
}

async function dryRun(config: PlaybookConfig, request: PlaybookRequest, deps: PlaybookDeps): Promise<ResponseResultDetail> {
    const plan = planRequest(request);
    const result: PlaybookResult = plan.actionable ? { outcome: "dry-run", actions: plan.actions, summary: `Dry run: ${plan.summary}` } : { outcome: "not-actionable", actions: [], summary: plan.summary };
    return post(config, request, result, deps);
}

async function enforce(config: PlaybookConfig, request: PlaybookRequest, deps: PlaybookDeps): Promise<ResponseResultDetail | undefined> {
    const key = dedupKey(config.playbook, dedupSubject(request));
    if ((await claim(config, key, deps)) === "done") {
        deps.log({ playbook: config.playbook, findingId: request.finding.id, resource: requestResource(request), skipped: `already handled (${key}): a result was posted within the last ${config.dedupMinutes} minutes` });
        return undefined;
    }
    const plan = planRequest(request);
    const result: PlaybookResult = plan.actionable ? await act(config, request, deps) : { outcome: "not-actionable", actions: [], summary: plan.summary };
    if (result.outcome === "failed") await release(config, key, deps);
    let detail: ResponseResultDetail;
    try {
        detail = await post(config, request, result, deps);
    } catch (e) {
        if (result.outcome !== "failed") await release(config, key, deps);
        throw e;
    }
    if (result.outcome !== "failed") await complete(config, key, deps);
    return detail;
}

async function act(config: PlaybookConfig, request: PlaybookRequest, deps: PlaybookDeps): Promise<PlaybookResult> {
    const roleArn = `arn:${config.partition}:iam::${request.finding.account}:role/${config.roleName}`;
    const where = `${request.finding.account}, ${request.finding.region}`;
    let credentials: RoleCredentials;
    try {
        const c = (await deps.sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: responseSessionName(config.playbook, request.finding.id), ExternalId: config.externalId }))).Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) throw new Error("STS returned no credentials");
        credentials = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
    } catch (e) {
        const error = awsError(e);
        return { outcome: "failed", actions: [{ action: "sts:AssumeRole", target: roleArn, status: "failed", error }], summary: `Could not assume ${roleArn} (${where}): ${clause(error)}. Nothing was changed; the finding is released for a later delivery to retry.` };
    }
    try {
        const clients = deps.memberClients(credentials, actingRegion(request, config.partition));
        switch (request.playbook) {
            case "public-bucket":
                return await runPublicBucket(request, clients.s3);
            case "exposed-key":
                return await runExposedKey(request, clients.iam);
            case "compromised-instance":
                return await runCompromisedInstance(request, clients.ec2, config.tagKey);
        }
    } catch (e) {
        if (e instanceof ActionFailed) {
            return { outcome: "failed", actions: e.actions, summary: `${e.action} on ${e.target} (${where}) failed: ${clause(e.error)}. The finding is released for a later delivery to retry; check the actions done so far.` };
        }
        const error = awsError(e);
        return { outcome: "failed", actions: [], summary: `The ${config.playbook} playbook failed on ${requestResource(request)} (${where}): ${clause(error)}.` };
    }
}

/** An error message as a clause of the summary's sentence (AWS's messages often end with a full stop). */
function clause(error: string): string {
    return error.replace(/\.+$/, "");
}

const epochSeconds = (d: Date): number => Math.floor(d.getTime() / 1000);

/**
 * Claims the finding as a `running` lease until this invocation's deadline and a margin. Resolves
 * `claimed`, or `done` when a run already posted its result within `dedupMinutes`; throws when
 * another run holds an unexpired lease (or the table answers with an item it cannot read), so that
 * the delivery fails and Lambda retries it instead of dropping it.
 */
async function claim(config: PlaybookConfig, key: string, deps: PlaybookDeps): Promise<"claimed" | "done"> {
    const now = epochSeconds(deps.now());
    const remaining = deps.remainingMillis?.();
    const remainingSeconds = Math.ceil((remaining !== undefined && Number.isFinite(remaining) && remaining > 0 ? remaining : DEFAULT_REMAINING_MILLIS) / 1000);
    try {
        await deps.dynamodb.send(
            new PutItemCommand({
                TableName: config.dedupTable,
                Item: claimItem(key, "running", now + remainingSeconds + LEASE_MARGIN_SECONDS),
                // An expired claim the TTL sweep has not removed yet (it may take days) is free again.
                ConditionExpression: `attribute_not_exists(${DEDUP_KEY_ATTRIBUTE}) OR ${DEDUP_EXPIRY_ATTRIBUTE} < :now`,
                ExpressionAttributeValues: { ":now": { N: String(now) } },
                // The refusal then carries the claim that caused it (`ConditionalCheckFailedException.Item`), at
                // no extra permission: PutItem alone (Service Authorization Reference, DynamoDB; DynamoDB API
                // Reference, "PutItem", ReturnValuesOnConditionCheckFailure).
                ReturnValuesOnConditionCheckFailure: "ALL_OLD",
            }),
        );
        return "claimed";
    } catch (e) {
        if ((e as Error).name !== "ConditionalCheckFailedException") throw new Error(`could not claim ${key} in ${config.dedupTable}: ${awsError(e)}`);
        const held = (e as { Item?: Record<string, AttributeValue> }).Item;
        if (held?.[DEDUP_STATUS_ATTRIBUTE]?.S === "done") return "done";
        const until = Number(held?.[DEDUP_EXPIRY_ATTRIBUTE]?.N);
        const when = Number.isFinite(until) ? ` until ${new Date(until * 1000).toISOString()}` : "";
        throw new Error(`${key} is claimed by a run in progress${when} (or by one Lambda stopped, whose claim lapses then): this delivery fails so that Lambda retries it`);
    }
}

function claimItem(key: string, status: ClaimStatus, expiresAt: number): Record<string, AttributeValue> {
    return { [DEDUP_KEY_ATTRIBUTE]: { S: key }, [DEDUP_EXPIRY_ATTRIBUTE]: { N: String(expiresAt) }, [DEDUP_STATUS_ATTRIBUTE]: { S: status } };
}

/**
 * After the result is posted: the claim becomes `done` for `dedupMinutes` (a put of the whole item,
 * the function may not UpdateItem). A failure is logged, not thrown: the result is on the bus, and
 * the `running` lease lapses at this invocation's deadline; a later delivery then reads the
 * resource again and finds nothing to do.
 */
async function complete(config: PlaybookConfig, key: string, deps: PlaybookDeps): Promise<void> {
    try {
        await deps.dynamodb.send(new PutItemCommand({ TableName: config.dedupTable, Item: claimItem(key, "done", epochSeconds(deps.now()) + config.dedupMinutes * 60) }));
    } catch (e) {
        deps.log({ playbook: config.playbook, key, completeFailed: awsError(e) });
    }
}

/** Frees the claim so that a later delivery retries; a failure here is logged (the lease then lapses after this invocation's deadline). */
async function release(config: PlaybookConfig, key: string, deps: PlaybookDeps): Promise<void> {
    try {
        await deps.dynamodb.send(new DeleteItemCommand({ TableName: config.dedupTable, Key: { [DEDUP_KEY_ATTRIBUTE]: { S: key } } }));
    } catch (e) {
        deps.log({ playbook: config.playbook, key, releaseFailed: awsError(e) });
    }
}

async function post(config: PlaybookConfig, request: PlaybookRequest, result: PlaybookResult, deps: PlaybookDeps): Promise<ResponseResultDetail> {
    const detail: ResponseResultDetail = {
        playbook: config.playbook,
        mode: config.mode,
        outcome: result.outcome,
        findingId: request.finding.id,
        findingSource: request.finding.source,
        account: request.finding.account,
        region: request.finding.region,
        resource: requestResource(request),
        actions: result.actions,
        summary: result.summary,
    };
    deps.log({ result: detail });
    let refused: string | undefined;
    try {
        const r = await deps.events.send(
            new PutEventsCommand({
                Entries: [{ Source: RESPONSE_EVENT_SOURCE, DetailType: RESPONSE_DETAIL_TYPE, Detail: JSON.stringify(detail), EventBusName: config.eventBusArn, Resources: requestResourceArns(request, config.partition), Time: deps.now() }],
            }),
        );
        const entry = r.Entries?.[0];
        if (r.FailedEntryCount) refused = `${entry?.ErrorCode ?? "error"}: ${entry?.ErrorMessage ?? "refused"}`;
    } catch (e) {
        refused = awsError(e);
    }
    if (refused !== undefined) throw new Error(`the central bus refused the ${result.outcome} result: ${refused}`);
    return detail;
}
