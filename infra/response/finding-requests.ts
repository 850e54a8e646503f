/**
 * From one event on the central bus to the requests a playbook acts on. Every condition of the
 * playbook's triggers (`playbook-triggers.ts`) is checked again here, finding by finding, with the
 * scope: a rule that is too wide, or an event that reaches the function some other way, produces
 * no request. Whatever is not acted on is listed with the reason, for the function's log.
 */
import type { PlaybookId } from "../config/playbooks";
import type { FindingOrigin, PlaybookRequest } from "./playbook-request";
import {
    COMPROMISED_INSTANCE_EXCLUDED_TYPE_PREFIX,
    COMPROMISED_INSTANCE_MIN_SEVERITY,
    EXPOSED_KEY_FINDING_TYPES,
    EXPOSED_KEY_HEALTH_EVENT_TYPES,
    PUBLIC_BUCKET_CONTROLS,
    type PlaybookScope,
} from "./playbook-triggers";

export interface FindingRequests {
    readonly requests: readonly PlaybookRequest[];
    /** One line per finding (or resource) left alone, naming it and why. */
    readonly ignored: readonly string[];
}

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
/** Long-term (AKIA) and temporary (ASIA) access key ids. */
const ACCESS_KEY_ID = /^A[KS]IA[A-Z0-9]{12,124}$/;
const INSTANCE_ID = /^i-[0-9a-f]{8,17}$/;

/** The requests `playbook` makes of `event` within `scope`. */
export function findingRequests(playbook: PlaybookId, event: unknown, scope: PlaybookScope): FindingRequests {
    const e = obj(event);
    const kind = `${String(e.source)} / ${String(e["detail-type"])}`;
    const expected = PLAYBOOK_SOURCES[playbook];
    if (!expected.includes(kind)) return { requests: [], ignored: [`event ${String(e.id)}: ${kind} is no trigger of ${playbook}`] };
    const out = { requests: [] as PlaybookRequest[], ignored: [] as string[] };
    switch (kind) {
        case GUARDDUTY:
            guardDutyRequest(playbook, obj(e.detail), scope, out);
            break;
        case SECURITY_HUB:
            for (const f of list(obj(e.detail).findings)) securityHubRequests(obj(f), scope, out);
            break;
        case ACCESS_ANALYZER:
            accessAnalyzerRequest(obj(e.detail), scope, out);
            break;
        case HEALTH:
            healthRequests(e, scope, out);
            break;
    }
    return out;
}

const GUARDDUTY = "aws.guardduty / GuardDuty Finding";
const SECURITY_HUB = "aws.securityhub / Security Hub Findings - Imported";
const ACCESS_ANALYZER = "aws.access-analyzer / Access Analyzer Finding";
const HEALTH = "aws.health / AWS Health Event";
const PLAYBOOK_SOURCES: Record<PlaybookId, readonly string[]> = {
    "public-bucket": [SECURITY_HUB, ACCESS_ANALYZER],
    "exposed-key": [GUARDDUTY, HEALTH],
    "compromised-instance": [GUARDDUTY],
};

interface Out {
    requests: PlaybookRequest[];
    ignored: string[];
}

/** Why `account` is not one to act in, or undefined when it is. */
function outOfScope(account: string | undefined, scope: PlaybookScope): string | undefined {
    if (account === undefined || !ACCOUNT.test(account)) return `no account id (${String(account)})`;
    return scope.accounts.includes(account) ? undefined : `account ${account} is not in the playbook's scope`;
}

function guardDutyRequest(playbook: PlaybookId, d: Json, scope: PlaybookScope, out: Out): void {
    const id = str(d.id) ?? "(no id)";
    const no = (why: string): void => void out.ignored.push(`GuardDuty finding ${id}: ${why}`);
    const account = str(d.accountId);
    const region = str(d.region);
    const type = String(d.type);
    const resource = obj(d.resource);
    if (obj(obj(d.service).additionalInfo).sample !== undefined) return no("a sample finding (CreateSampleFindings), not a real one");
    const scoped = outOfScope(account, scope);
    if (scoped) return no(scoped);
    if (d.partition !== scope.partition) return no(`partition ${String(d.partition)}, not ${scope.partition}`);
    if (id === "(no id)" || region === undefined || !REGION.test(region)) return no("no finding id or region");
    const finding: FindingOrigin = { id, source: "aws.guardduty", account: account!, region, version: str(d.updatedAt) };
    if (playbook === "exposed-key") {
        if (!EXPOSED_KEY_FINDING_TYPES.includes(type)) return no(`type ${type} is not an exposed-key finding`);
        const key = obj(resource.accessKeyDetails);
        const accessKeyId = str(key.accessKeyId);
        if (resource.resourceType !== "AccessKey" || accessKeyId === undefined || !ACCESS_KEY_ID.test(accessKeyId)) return no("no access key in the finding");
        out.requests.push({ playbook, finding, accessKeyId, userType: str(key.userType), userName: str(key.userName), findingType: type });
        return;
    }
    const severity = d.severity;
    if (resource.resourceType !== "Instance") return no(`resource type ${String(resource.resourceType)}, not Instance`);
    if (typeof severity !== "number" || severity < COMPROMISED_INSTANCE_MIN_SEVERITY) return no(`severity ${String(severity)} is below ${COMPROMISED_INSTANCE_MIN_SEVERITY}`);
    const outsider = outsiderActivity(type, obj(obj(d.service).action));
    if (outsider) return no(`${outsider}: activity an outsider can cause without compromising the instance`);
    const details = obj(resource.instanceDetails);
    const instanceId = str(details.instanceId);
    if (instanceId === undefined || !INSTANCE_ID.test(instanceId)) return no("no instance id in the finding");
    const networkInterfaces = list(details.networkInterfaces).map((n) => str(obj(n).networkInterfaceId)).filter((n): n is string => n !== undefined);
    out.requests.push({ playbook: "compromised-instance", finding, instanceId, findingType: type, severity, networkInterfaces });
}

/**
 * Why a GuardDuty instance finding describes activity an outsider causes without compromising the
 * instance, or undefined. Isolating on such a finding would let anyone on the internet take a
 * production instance off the network.
 *
 * The rule is on what the finding says happened (GuardDuty API Reference, "Action": `actionType`;
 * "NetworkConnectionAction": `connectionDirection`), not on `service.resourceRole`: GuardDuty User
 * Guide, "Finding details", says an instance is `TARGET` when it is the target of the activity and
 * may be `ACTOR` when it carries it out, but findings of the instance's own outbound traffic (command
 * and control, drop points) are published with `TARGET` too, and Runtime Monitoring findings leave
 * the role out; refusing `TARGET` would refuse the findings this playbook exists for. So:
 * - a `Recon:` type (the trigger already leaves them out; `COMPROMISED_INSTANCE_EXCLUDED_TYPE_PREFIX`);
 * - `PORT_PROBE`: a remote host probed the instance's open ports;
 * - `NETWORK_CONNECTION` with `connectionDirection` `INBOUND`: a remote host connected to it (a
 *   brute force against it is Low; the instance brute-forcing others is `OUTBOUND` and High).
 * Left in: outbound connections, DNS lookups (`DNS_REQUEST`, the `…!DNS` types) and API calls,
 * which the instance itself makes. A workload that resolves names its users supply (a mail server
 * checking a sender's domain, a link preview) can be made to look up a listed domain: that residual
 * risk is in docs/response.md.
 */
export function outsiderActivity(type: string, action: Record<string, unknown>): string | undefined {
    if (type.startsWith(COMPROMISED_INSTANCE_EXCLUDED_TYPE_PREFIX)) return `type ${type} is reconnaissance of the instance`;
    if (action.actionType === "PORT_PROBE") return "action PORT_PROBE (a remote host probed its ports)";
    const direction = obj(action.networkConnectionAction).connectionDirection;
    if (action.actionType === "NETWORK_CONNECTION" && direction === "INBOUND") return "action NETWORK_CONNECTION, INBOUND (a remote host connected to it)";
    return undefined;
}

/** ASFF `ProductArn` of Security Hub's own findings in `partition` (any region, no account). */
function isSecurityHubProduct(arn: unknown, partition: string): boolean {
    return typeof arn === "string" && arn === `arn:${partition}:securityhub:${arn.split(":")[3]}::product/aws/securityhub` && REGION.test(arn.split(":")[3]);
}

function securityHubRequests(f: Json, scope: PlaybookScope, out: Out): void {
    const id = str(f.Id) ?? "(no id)";
    const no = (why: string): void => void out.ignored.push(`Security Hub finding ${id}: ${why}`);
    const compliance = obj(f.Compliance);
    const control = String(compliance.SecurityControlId);
    if (!isSecurityHubProduct(f.ProductArn, scope.partition)) return no(`product ${String(f.ProductArn)} is not Security Hub itself: an imported finding cannot make the playbook act`);
    if (!(PUBLIC_BUCKET_CONTROLS as readonly string[]).includes(control)) return no(`control ${control} is not one of ${PUBLIC_BUCKET_CONTROLS.join(", ")}`);
    if (compliance.Status !== "FAILED") return no(`compliance status ${String(compliance.Status)}, not FAILED`);
    if (f.RecordState !== "ACTIVE") return no(`record state ${String(f.RecordState)}, not ACTIVE`);
    if (obj(f.Workflow).Status !== "NEW") return no(`workflow status ${String(obj(f.Workflow).Status)}, not NEW (someone already handles it)`);
    const account = str(f.AwsAccountId);
    const scoped = outOfScope(account, scope);
    if (scoped) return no(scoped);
    const buckets = list(f.Resources).map(obj).filter((r) => r.Type === "AwsS3Bucket");
    if (buckets.length === 0) return no("no AwsS3Bucket resource");
    for (const r of buckets) {
        const bucket = bucketName(r.Id, scope.partition);
        const region = str(r.Region) ?? str(f.Region);
        if (bucket === undefined || region === undefined || !REGION.test(region)) {
            no(`resource ${String(r.Id)} is not a bucket of partition ${scope.partition} with a region`);
            continue;
        }
        out.requests.push({ playbook: "public-bucket", finding: { id, source: "aws.securityhub", account: account!, region, version: str(f.UpdatedAt) }, bucket });
    }
}

function accessAnalyzerRequest(d: Json, scope: PlaybookScope, out: Out): void {
    const id = str(d.id) ?? "(no id)";
    const no = (why: string): void => void out.ignored.push(`Access Analyzer finding ${id}: ${why}`);
    if (d.resourceType !== "AWS::S3::Bucket") return no(`resource type ${String(d.resourceType)}, not AWS::S3::Bucket`);
    if (d.isPublic !== true) return no("not public");
    if (d.status !== "ACTIVE") return no(`status ${String(d.status)}, not ACTIVE`);
    if (d.isDeleted === true) return no("the bucket is deleted");
    const account = str(d.accountId);
    const scoped = outOfScope(account, scope);
    if (scoped) return no(scoped);
    const bucket = bucketName(d.resource, scope.partition);
    const region = str(d.region);
    if (bucket === undefined || region === undefined || !REGION.test(region)) return no(`resource ${String(d.resource)} is not a bucket of partition ${scope.partition} with a region`);
    out.requests.push({ playbook: "public-bucket", finding: { id, source: "aws.access-analyzer", account: account!, region, version: str(d.updatedAt) }, bucket });
}

function healthRequests(e: Json, scope: PlaybookScope, out: Out): void {
    const d = obj(e.detail);
    const id = str(d.eventArn) ?? "(no event ARN)";
    const no = (why: string): void => void out.ignored.push(`Health event ${id}: ${why}`);
    const code = String(d.eventTypeCode);
    if (d.service !== "RISK" || !(EXPOSED_KEY_HEALTH_EVENT_TYPES as readonly string[]).includes(code)) return no(`event type ${String(d.service)}/${code} is not an exposed key`);
    // Forwarded by the member itself: the envelope's account is the affected one (an organisational
    // view's copy, received in another account, says so in `affectedAccount`).
    const account = str(e.account);
    if (d.affectedAccount !== undefined && d.affectedAccount !== account) return no(`affected account ${String(d.affectedAccount)} is not the account ${String(account)} that sent it`);
    const scoped = outOfScope(account, scope);
    if (scoped) return no(scoped);
    // IAM is global: a key's event may name no region of its own (`global`); the delivering region stands in.
    const region = [str(d.eventRegion), str(e.region)].find((r) => r !== undefined && REGION.test(r));
    if (id === "(no event ARN)" || region === undefined || !REGION.test(region)) return no("no event ARN or region");
    for (const entity of list(d.affectedEntities)) {
        const key = str(obj(entity).entityValue);
        // Only a long-term key is an exposed-key request; a Health event names no other kind.
        if (key === undefined || !/^AKIA[A-Z0-9]{12,124}$/.test(key)) {
            no(`affected entity ${String(key)} is not an access key id`);
            continue;
        }
        out.requests.push({ playbook: "exposed-key", finding: { id, source: "aws.health", account: account!, region, version: str(d.lastUpdatedTime) }, accessKeyId: key, findingType: code });
    }
    if (list(d.affectedEntities).length === 0) no("names no access key");
}

/** The bucket of an S3 bucket ARN in `partition`, or undefined. */
export function bucketName(arn: unknown, partition: string): string | undefined {
    if (typeof arn !== "string") return undefined;
    const m = /^arn:([\w-]+):s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$/.exec(arn);
    return m && m[1] === partition ? m[2] : undefined;
}
