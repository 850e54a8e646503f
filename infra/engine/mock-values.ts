import { createHash } from "crypto";

/**
 * Deterministic, realistically shaped ids and ARNs for mocked resources, so that values flowing
 * into policies and into later stacks look like the ones AWS returns.
 */
export interface MockTarget {
    readonly type: string;
    /** Logical name. */
    readonly name: string;
    readonly urn: string;
    readonly inputs: Record<string, unknown>;
    readonly account: string;
    readonly region: string;
    readonly partition: string;
}

export interface MockResult {
    readonly id: string;
    /** Computed outputs added to the inputs. */
    readonly outputs: Record<string, unknown>;
}

export function hex(seed: string, length: number): string {
    let out = "";
    let i = 0;
    while (out.length < length) {
        out += createHash("sha256").update(`${seed}#${i++}`).digest("hex");
    }
    return out.slice(0, length);
}

/** A deterministic version-4-shaped UUID. */
export function uuid(seed: string): string {
    const h = hex(seed, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function lowerAlnum(seed: string, length: number): string {
    // base-36 digits from the hash: what ids such as o-/ou-/r- use.
    const h = hex(seed, length * 2);
    let s = "";
    for (let i = 0; i < length; i++) s += (parseInt(h.slice(i * 2, i * 2 + 2), 16) % 36).toString(36);
    return s;
}

/** Physical name Pulumi would auto-generate: logical name plus 7 random hex characters. */
export function autoName(t: MockTarget): string {
    return `${t.name}-${hex(t.urn, 7)}`;
}

function str(v: unknown): string | undefined {
    return typeof v === "string" && v !== "" ? v : undefined;
}

/**
 * The name a resource gets: the program's `name`, else its `namePrefix` plus the 26 characters the
 * provider appends, else Pulumi's auto-name (and `suffix`, e.g. `.fifo`, when the type needs one).
 */
function physicalName(t: MockTarget, suffix = ""): string {
    const given = str(t.inputs.name);
    if (given) return given;
    const prefix = str(t.inputs.namePrefix);
    return (prefix ? `${prefix}${hex(t.urn, 26)}` : autoName(t)) + suffix;
}

/** Upper-case letters and digits, as Route 53 zone ids and similar identifiers use. */
function upperAlnum(seed: string, length: number): string {
    return lowerAlnum(seed, length).toUpperCase();
}

type Maker = (t: MockTarget, arn: (service: string, resource: string, opts?: { region?: string; account?: string }) => string) => MockResult;

const named =
    (service: string, resourceOf: (name: string) => string, idIsArn = false, nameKey = "name"): Maker =>
    (t, arn) => {
        const name = nameKey === "name" ? physicalName(t) : (str(t.inputs[nameKey]) ?? autoName(t));
        const a = arn(service, resourceOf(name));
        return { id: idIsArn ? a : name, outputs: { [nameKey]: name, arn: a } };
    };

const MAKERS: Record<string, Maker> = {
    "aws:s3/bucket:Bucket": bucket,
    "aws:s3/bucketV2:BucketV2": bucket,
    "aws:kms/key:Key": (t, arn) => {
        const id = uuid(t.urn);
        return { id, outputs: { keyId: id, arn: arn("kms", `key/${id}`) } };
    },
    "aws:kms/replicaKey:ReplicaKey": (t, arn) => {
        const id = `mrk-${hex(t.urn, 32)}`;
        return { id, outputs: { keyId: id, arn: arn("kms", `key/${id}`) } };
    },
    "aws:kms/alias:Alias": (t, arn) => {
        const name = str(t.inputs.name) ?? `alias/${autoName(t)}`;
        return { id: name, outputs: { name, arn: arn("kms", name) } };
    },
    "aws:iam/role:Role": (t, arn) => {
        const name = str(t.inputs.name) ?? autoName(t);
        const p = str(t.inputs.path) ?? "/";
        return { id: name, outputs: { name, arn: arn("iam", `role${p}${name}`, { region: "" }), uniqueId: `AROA${hex(t.urn, 17).toUpperCase()}` } };
    },
    "aws:iam/policy:Policy": (t, arn) => {
        const name = str(t.inputs.name) ?? autoName(t);
        const a = arn("iam", `policy${str(t.inputs.path) ?? "/"}${name}`, { region: "" });
        return { id: a, outputs: { name, arn: a, policyId: `ANPA${hex(t.urn, 17).toUpperCase()}` } };
    },
    // IAM names an OIDC provider by its issuer: `oidc-provider/<host and path of the url>`.
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider": (t, arn) => {
        const issuer = (str(t.inputs.url) ?? "oidc.example.com").replace(/^https:\/\//, "");
        const a = arn("iam", `oidc-provider/${issuer}`, { region: "" });
        return { id: a, outputs: { arn: a } };
    },
    "aws:iam/serviceLinkedRole:ServiceLinkedRole": (t, arn) => {
        const svc = str(t.inputs.awsServiceName) ?? "service.amazonaws.com";
        const name = `AWSServiceRoleFor${svc.split(".")[0].replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}`;
        const a = arn("iam", `role/aws-service-role/${svc}/${name}`, { region: "" });
        return { id: a, outputs: { name, arn: a } };
    },
    "aws:sns/topic:Topic": (t, arn) => {
        // A FIFO topic's name must end in `.fifo`; the provider adds it to generated names.
        const name = physicalName(t, t.inputs.fifoTopic === true ? ".fifo" : "");
        const a = arn("sns", name);
        return { id: a, outputs: { name, arn: a, owner: t.account } };
    },
    "aws:sns/topicSubscription:TopicSubscription": (t, arn) => {
        const topic = str(t.inputs.topic) ?? arn("sns", "topic");
        const a = `${topic}:${uuid(t.urn)}`;
        return { id: a, outputs: { arn: a } };
    },
    "aws:sqs/queue:Queue": (t, arn) => {
        const name = physicalName(t, t.inputs.fifoQueue === true ? ".fifo" : "");
        const url = `https://sqs.${t.region}.amazonaws.com/${t.account}/${name}`;
        return { id: url, outputs: { name, arn: arn("sqs", name), url } };
    },
    "aws:cloudwatch/eventBus:EventBus": named("events", (n) => `event-bus/${n}`),
    // Parameter groups are auto-named when the program gives no name; databases use them by that name.
    // DocumentDB and Neptune groups live in the RDS ARN namespace.
    "aws:rds/parameterGroup:ParameterGroup": named("rds", (n) => `pg:${n}`),
    "aws:rds/clusterParameterGroup:ClusterParameterGroup": named("rds", (n) => `cluster-pg:${n}`),
    "aws:docdb/clusterParameterGroup:ClusterParameterGroup": named("rds", (n) => `cluster-pg:${n}`),
    "aws:neptune/clusterParameterGroup:ClusterParameterGroup": named("rds", (n) => `cluster-pg:${n}`),
    "aws:neptune/parameterGroup:ParameterGroup": named("rds", (n) => `pg:${n}`),
    "aws:cloudwatch/eventRule:EventRule": (t, arn) => {
        const name = str(t.inputs.name) ?? autoName(t);
        const bus = str(t.inputs.eventBusName);
        const busName = bus?.startsWith("arn:") ? bus.split("/").pop() : bus;
        const resource = busName && busName !== "default" ? `rule/${busName}/${name}` : `rule/${name}`;
        return { id: busName && busName !== "default" ? `${busName}|${name}` : name, outputs: { name, arn: arn("events", resource) } };
    },
    "aws:cloudwatch/eventArchive:EventArchive": named("events", (n) => `archive/${n}`),
    "aws:cloudwatch/eventConnection:EventConnection": named("events", (n) => `connection/${n}/${hex(n, 8)}`),
    "aws:cloudwatch/logGroup:LogGroup": named("logs", (n) => `log-group:${n}`),
    "aws:cloudwatch/logDestination:LogDestination": named("logs", (n) => `destination:${n}`),
    "aws:cloudwatch/metricAlarm:MetricAlarm": named("cloudwatch", (n) => `alarm:${n}`),
    "aws:cloudwatch/compositeAlarm:CompositeAlarm": named("cloudwatch", (n) => `alarm:${n}`),
    "aws:cloudwatch/dashboard:Dashboard": (t, arn) => {
        const name = str(t.inputs.dashboardName) ?? autoName(t);
        return { id: name, outputs: { dashboardName: name, dashboardArn: arn("cloudwatch", `dashboard/${name}`, { region: "" }) } };
    },
    "aws:cloudtrail/trail:Trail": (t, arn) => {
        const name = str(t.inputs.name) ?? autoName(t);
        const a = arn("cloudtrail", `trail/${name}`);
        return { id: a, outputs: { name, arn: a, homeRegion: t.region } };
    },
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": named("firehose", (n) => `deliverystream/${n}`, true),
    "aws:guardduty/detector:Detector": (t, arn) => {
        const id = hex(t.urn, 32);
        return { id, outputs: { accountId: t.account, arn: arn("guardduty", `detector/${id}`) } };
    },
    "aws:guardduty/publishingDestination:PublishingDestination": (t) => ({ id: `${str(t.inputs.detectorId) ?? hex(t.urn, 32)}:${hex(t.urn + "d", 32)}`, outputs: { destinationId: hex(t.urn + "d", 32) } }),
    "aws:organizations/organization:Organization": (t, arn) => {
        const id = `o-${lowerAlnum(t.urn, 10)}`;
        const rootId = `r-${lowerAlnum(t.urn + "root", 4)}`;
        return {
            id,
            outputs: {
                arn: arn("organizations", `organization/${id}`, { region: "" }),
                masterAccountId: t.account,
                masterAccountArn: arn("organizations", `account/${id}/${t.account}`, { region: "" }),
                roots: [{ id: rootId, name: "Root", arn: arn("organizations", `root/${id}/${rootId}`, { region: "" }), policyTypes: [] }],
            },
        };
    },
    "aws:organizations/organizationalUnit:OrganizationalUnit": (t, arn) => {
        const id = `ou-${lowerAlnum(t.urn + "p", 4)}-${lowerAlnum(t.urn, 8)}`;
        return { id, outputs: { arn: arn("organizations", `ou/o-${lowerAlnum("org", 10)}/${id}`, { region: "" }) } };
    },
    "aws:organizations/account:Account": (t, arn) => {
        const id = str(t.inputs.__importId) ?? String(100000000000 + (parseInt(hex(t.urn, 10), 16) % 899999999999));
        return { id, outputs: { arn: arn("organizations", `account/o-${lowerAlnum("org", 10)}/${id}`, { region: "" }) } };
    },
    "aws:organizations/policy:Policy": (t, arn) => {
        const id = `p-${lowerAlnum(t.urn, 8)}`;
        return { id, outputs: { arn: arn("organizations", `policy/o-${lowerAlnum("org", 10)}/service_control_policy/${id}`, { region: "" }) } };
    },
    "aws:securityhub/actionTarget:ActionTarget": (t, arn) => {
        const idf = str(t.inputs.identifier) ?? hex(t.urn, 8);
        const a = arn("securityhub", `action/custom/${idf}`);
        return { id: a, outputs: { arn: a } };
    },
    "aws:accessanalyzer/analyzer:Analyzer": (t, arn) => {
        const name = str(t.inputs.analyzerName) ?? autoName(t);
        return { id: name, outputs: { analyzerName: name, arn: arn("access-analyzer", `analyzer/${name}`) } };
    },
    "aws:cfg/aggregateAuthorization:AggregateAuthorization": (t, arn) => ({ id: `${t.account}:${t.region}`, outputs: { arn: arn("config", `aggregation-authorization/${t.account}/${t.region}`) } }),
    "aws:cfg/configurationAggregator:ConfigurationAggregator": (t, arn) => {
        const name = str(t.inputs.name) ?? autoName(t);
        return { id: name, outputs: { name, arn: arn("config", `config-aggregator/config-aggregator-${lowerAlnum(t.urn, 8)}`) } };
    },
    "aws:athena/workgroup:Workgroup": named("athena", (n) => `workgroup/${n}`),
    "aws:glue/catalogDatabase:CatalogDatabase": (t, arn) => {
        const name = str(t.inputs.name) ?? autoName(t);
        return { id: `${t.account}:${name}`, outputs: { name, arn: arn("glue", `database/${name}`), catalogId: t.account } };
    },
    "aws:glue/catalogTable:CatalogTable": (t, arn) => {
        const name = str(t.inputs.name) ?? autoName(t);
        const db = str(t.inputs.databaseName) ?? "default";
        return { id: `${t.account}:${db}:${name}`, outputs: { name, arn: arn("glue", `table/${db}/${name}`), catalogId: t.account } };
    },
    "aws:lambda/function:Function": named("lambda", (n) => `function:${n}`),
    "aws:sfn/stateMachine:StateMachine": named("states", (n) => `stateMachine:${n}`, true),
    "aws:detective/graph:Graph": (t, arn) => {
        const a = arn("detective", `graph:${hex(t.urn, 32)}`);
        return { id: a, outputs: { graphArn: a } };
    },
    "aws:inspector2/delegatedAdminAccount:DelegatedAdminAccount": (t) => ({ id: str(t.inputs.accountId) ?? t.account, outputs: {} }),
    "aws:chatbot/slackChannelConfiguration:SlackChannelConfiguration": (t, arn) => {
        const name = str(t.inputs.configurationName) ?? autoName(t);
        const a = arn("chatbot", `chat-configuration/slack-channel/${name}`, { region: "" });
        return { id: a, outputs: { chatConfigurationArn: a } };
    },
    "aws:scheduler/schedule:Schedule": (t, arn) => {
        const name = physicalName(t);
        const groupName = str(t.inputs.groupName) ?? "default";
        return { id: `${groupName}/${name}`, outputs: { name, groupName, arn: arn("scheduler", `schedule/${groupName}/${name}`) } };
    },
    // Scheduler names a group `schedule-group/<name>` (Service Authorization Reference, EventBridge Scheduler resource types).
    "aws:scheduler/scheduleGroup:ScheduleGroup": named("scheduler", (n) => `schedule-group/${n}`),
    "aws:route53/zone:Zone": (t, arn) => {
        const zoneId = `Z0${upperAlnum(t.urn, 19)}`;
        const n = parseInt(hex(t.urn + "ns", 8), 16);
        // Four name servers in four top-level domains, as Route 53 assigns a delegation set.
        const nameServers = ["com", "net", "org", "co.uk"].map((tld, i) => `ns-${(n + i * 512) % 2048}.awsdns-${String((n + i) % 64).padStart(2, "0")}.${tld}`).sort();
        return {
            id: zoneId,
            outputs: { zoneId, arn: arn("route53", `hostedzone/${zoneId}`, { region: "", account: "" }), nameServers, primaryNameServer: nameServers[0] },
        };
    },
    // The provider names a recorder "default" unless told otherwise; it has no ARN.
    "aws:cfg/recorder:Recorder": (t) => {
        const name = str(t.inputs.name) ?? "default";
        return { id: name, outputs: { name } };
    },
    "aws:securityhub/findingAggregator:FindingAggregator": (t, arn) => {
        const a = arn("securityhub", `finding-aggregator/${uuid(t.urn)}`);
        return { id: a, outputs: { arn: a } };
    },
    // Imported by its UUID, which is also the last part of the ARN.
    "aws:securityhub/configurationPolicy:ConfigurationPolicy": (t, arn) => {
        const id = uuid(t.urn);
        return { id, outputs: { arn: arn("securityhub", `configuration-policy/${id}`) } };
    },
    "aws:ec2/vpc:Vpc": (t, arn) => {
        const id = `vpc-${hex(t.urn, 17)}`;
        return { id, outputs: { arn: arn("ec2", `vpc/${id}`) } };
    },
};

function bucket(t: MockTarget, arn: (service: string, resource: string, o?: { region?: string; account?: string }) => string): MockResult {
    const name = str(t.inputs.bucket) ?? autoName(t).toLowerCase();
    return {
        id: name,
        outputs: {
            bucket: name,
            arn: arn("s3", name, { region: "", account: "" }),
            bucketDomainName: `${name}.s3.amazonaws.com`,
            bucketRegionalDomainName: `${name}.s3.${t.region}.amazonaws.com`,
            hostedZoneId: "Z3AQBSTGFYJSTF",
            region: t.region,
        },
    };
}

/** The service part of a type token (`aws:sns/topic:Topic` → `sns`), for ARNs of types not listed. */
function serviceOf(type: string): string {
    const module = type.split(":")[1]?.split("/")[0] ?? "unknown";
    const map: Record<string, string> = { cloudwatch: "cloudwatch", cfg: "config", ec2: "ec2", lb: "elasticloadbalancing", alb: "elasticloadbalancing" };
    return map[module] ?? module;
}

/** Id and computed outputs of a mocked resource. */
export function mockResource(t: MockTarget): MockResult {
    const arn = (service: string, resource: string, o?: { region?: string; account?: string }) =>
        `arn:${t.partition}:${service}:${o?.region ?? t.region}:${o?.account ?? t.account}:${resource}`;
    const maker = MAKERS[t.type];
    if (maker) return maker(t, arn);
    // Generic shape: the name the program gave (or an auto-name) and an ARN in the service's namespace.
    const resourceName = str(t.inputs.name) ?? autoName(t);
    const kind = (t.type.split(":")[2] ?? "resource").replace(/^[A-Z]/, (c) => c.toLowerCase());
    const id = t.type.startsWith("pulumi:providers:") ? uuid(t.urn) : `${resourceName}`;
    return { id, outputs: { arn: arn(serviceOf(t.type), `${kind}/${resourceName}`) } };
}
