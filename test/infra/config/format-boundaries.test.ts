/**
 * Every validated field of the organisation file and of the stack settings, at the edges of its
 * documented format: the last value that must pass and the first that must fail (11 and 13 digits
 * around a 12-digit account id, 64 and 65 characters around an IAM name, …). The rules are written
 * here from their documentation — AWS's where AWS imposes the format (the source is named beside each
 * field), the configuration reference (docs/config-reference.md) where the landing zone chose it —
 * never read from the schema. A last test walks the schemas so that a field added without rows here
 * fails.
 */
import { strict as assert } from "assert";
import { orgSchema, parseOrg } from "../../../infra/config/org";
import { parseStack, ROLE_SETTINGS } from "../../../infra/config/stack";
import type { Schema } from "../../../infra/config/schema";
import { configProblems } from "../../support/errors";
import { referenceOrg } from "../../support/plan";

const ORG_FILE = "stacks/org.yaml";

interface Field {
    /** Where the value goes, as the problem names it: `accounts.members[0].id`, `lz:security.events.siem.retentionDays`. */
    readonly path: string;
    /** Where the rule is documented. */
    readonly source: string;
    readonly accept: readonly unknown[];
    readonly reject: readonly unknown[];
    /** Other settings a value needs to be judged on its own (a Slack channel needs a workspace). */
    readonly base?: (o: Record<string, any>) => void;
    /** For an entry of a map (`<key>`, `<value>`): where the value goes and the problem names it, and what goes there. */
    readonly entry?: (value: unknown) => { readonly at: string; readonly value: unknown };
}

const DIGITS_12 = "123456789012";
const chars = (n: number, c = "a") => c.repeat(n);

/** AWS Account Management Reference Guide, "View AWS account identifiers": a 12-digit number such as 012345678901. */
const ACCOUNT_ID = { accept: ["012345678901", "999999999998"], reject: [DIGITS_12.slice(0, 11), `${DIGITS_12}3`, "12345678901x", "1234-5678-9012", " 123456789012", "", 12345678901] };
/**
 * AWS Organizations API Reference, CreateAccount, Email: 6 to 64 characters; one @; the local name
 * contains no whitespace or " ' ( ) < > [ ] : ; , \ | % & and does not begin with a dot; the domain
 * is letters, digits, hyphens and dots, does not begin or end with a hyphen or dot, and has a dot.
 */
const ACCOUNT_EMAIL = {
    accept: ["a@b.io", `${chars(64 - "@example.com".length, "x")}@example.com`, "first.last+lz@mail.example.com", "aws_ops-1@acme.example"],
    reject: [`${chars(65 - "@example.com".length, "x")}@example.com`, "o'brien@example.com", "100%@example.com", "a&b@example.com", ".lead@example.com", "a@-example.com", "a@example.com-", "a@example", "a b@example.com", "a@@example.com", "not-an-email"],
};
/** Configuration reference, alert e-mails: an address SNS can subscribe (name@domain.tld). */
const ALERT_EMAIL = { accept: ["oncall@example.com", "o'brien@example.co.uk"], reject: ["pager", "a b@example.com", "oncall@example", "@example.com"] };
/** Configuration reference: account names are kebab-case, 2-40 characters, starting with a letter (they name `member-<name>` stacks). */
const ACCOUNT_NAME = { accept: ["ab", `a${chars(39, "b")}`, "team-a1"], reject: ["a", `a${chars(40, "b")}`, "Team", "team_a", "team-", "1team"] };
/** AWS Organizations: OU names of 1-128 characters (CreateOrganizationalUnit, Name), nested at most five levels below the root (Organizations quotas). */
const OU = { accept: ["Root", "Workloads/Prod", "a/b/c/d/e", chars(128, "O")], reject: ["a/b/c/d/e/f", chars(129, "O"), "/Workloads", "Workloads/", ""] };
/** IAM User Guide, "IAM object quotas" and CreateRole/CreateUser: 1-64 characters of letters, digits and + = , . @ _ -. */
const IAM_NAME = { accept: ["a", chars(64, "R"), "Ops+=,.@_-1"], reject: ["", chars(65, "R"), "Ops Role", "path/Role"] };
/** IAM Identity Center API Reference, CreatePermissionSet, Name: 1-32 characters of the same set. */
const PERMISSION_SET = { accept: ["a", chars(32, "P")], reject: ["", chars(33, "P"), "Admin Access"] };
/** Region codes as AWS writes them (General Reference, "Regions and Zones"): lowercase letters, digits and hyphens. */
const REGION = { accept: ["us-east-1"], reject: ["US-EAST-1", "us_east_1", "us east 1"] };
/** Configuration reference: Slack workspace and channel ids as Slack shows them (T…/C…), 9-11 capitals and digits. */
const SLACK_ID = { accept: ["T0123ABCD", "T0123ABCDEF"], reject: ["T0123ABC", "T0123ABCDEFG", "t0123abcd"] };
/** Pulumi, "Projects" and "Stacks": names of letters, digits, hyphens, underscores and periods. */
const PULUMI_NAME = { accept: ["lz", "prod.mgmt_1-a"], reject: ["prod mgmt", "org/stack", ""] };
/** AWS Config Developer Guide, "Supported resource types": AWS::<Service>::<Type>. */
const CONFIG_TYPE = { accept: ["AWS::EC2::NetworkInterface"], reject: ["EC2::NetworkInterface", "AWS::EC2", "aws::ec2::networkinterface", "AWS::EC2::Network Interface"] };
/** A region key of a per-region map, as AWS writes region codes. */
const REGION_KEY = { accept: ["us-east-1"], reject: ["US-EAST-1", "useast1", "us-east"] };

const ACCOUNT_PATHS = ["accounts.management", "accounts.logArchive", "accounts.security", "accounts.members[0]"];
const slack = (o: Record<string, any>) => (o.alerts.slack = { workspaceId: "T0123ABCD", channels: { high: "C0123ABCD" } });

const ORG_FIELDS: readonly Field[] = [
    { path: "organization.id", source: "Organizations API Reference, Organization.Id: ^o-[a-z0-9]{10,32}$; or create", accept: ["create", "o-a1b2c3d4e5", `o-${chars(32)}`], reject: ["o-a1b2c3d4e", `o-${chars(33)}`, "o-A1B2C3D4E5", "Create", "r-a1b2c3d4e5"] },
    { path: "pulumi.organization", source: "Pulumi organisation names: letters, digits, - _ ., starting with a letter or digit", accept: ["acme", "acme-corp_1.x"], reject: ["-acme", "acme corp", ""] },
    { path: "pulumi.project", source: "Pulumi, Projects", ...PULUMI_NAME },
    { path: "pulumi.stacks.management", source: "Pulumi, Stacks", ...PULUMI_NAME },
    { path: "pulumi.stacks.logArchive", source: "Pulumi, Stacks", ...PULUMI_NAME },
    { path: "pulumi.stacks.security", source: "Pulumi, Stacks", ...PULUMI_NAME },
    { path: "profile", source: "configuration reference: full or essential", accept: ["full", "essential"], reject: ["Full", "minimal"] },
    {
        path: "namePrefix",
        source: "configuration reference: 2-16 of a-z 0-9 -, starting with a letter and ending with a letter or digit (S3 bucket naming rules: no capitals, underscores; no trailing hyphen)",
        accept: ["ab", chars(16), "a1-b"],
        reject: ["a", chars(17), "1abc", "ab-", "Ab", "a_b", "a.b"],
    },
    { path: "homeRegion", source: "region codes", ...REGION },
    { path: "regions[0]", source: "region codes", ...REGION },
    { path: "regions", source: "configuration reference: at least one enabled region", accept: [["us-east-1"]], reject: [[]] },
    { path: "optInRegions[0]", source: "region codes", accept: ["me-central-1"], reject: ["ME-CENTRAL-1", "me central 1"], base: (o) => o.regions.push("me-central-1") },
    { path: "roles.deployment", source: "IAM role names", ...IAM_NAME },
    { path: "roles.breakGlass", source: "IAM role names", ...IAM_NAME },
    { path: "roles.investigator", source: "IAM role names", ...IAM_NAME },
    { path: "breakGlass.users[0]", source: "IAM user names", ...IAM_NAME },
    { path: "breakGlass.identityCenterPermissionSets[0]", source: "permission set names", ...PERMISSION_SET },
    { path: "breakGlass.maxSessionMinutes", source: "IAM CreateRole, MaxSessionDuration: 3600 to 43200 seconds", accept: [60, 720], reject: [59, 721, 60.5, "60"] },
    ...ACCOUNT_PATHS.flatMap((a): Field[] => [
        { path: `${a}.id`, source: "12-digit account ids", ...ACCOUNT_ID },
        { path: `${a}.email`, source: "Organizations CreateAccount e-mail rules", ...ACCOUNT_EMAIL },
        { path: `${a}.name`, source: "configuration reference, account names", ...ACCOUNT_NAME },
        { path: `${a}.ou`, source: "Organizations OU names and nesting", ...OU },
    ]),
    { path: "retention.objectLockDays", source: "S3 Object Lock default retention in days, up to 100 years; a year at least without a reason", accept: [365, 36500], reject: [364, 0, 36501, 365.5] },
    { path: "retention.archiveDays", source: "configuration reference: 1-36500, not before objectLockDays", accept: [365, 36500], reject: [364, 0, 36501] },
    {
        path: "retention.logGroupDays",
        source: "CloudWatch Logs API Reference, PutRetentionPolicy, retentionInDays: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653; 0 here = never expire; a year at least",
        accept: [0, 365, 400, 3653],
        reject: [-1, 180, 364, 366, 3654],
    },
    { path: "retention.belowMinimumReason", source: "configuration reference: a sentence saying why", accept: ["sandbox organisation", "n/a"], reject: ["", "ab", "  a  "] },
    { path: "pulumi.stacks.bootstrap", source: "Pulumi, Stacks", ...PULUMI_NAME },
    { path: "roles.preview", source: "IAM role names", ...IAM_NAME },
    { path: "bootstrap.githubRepository", source: "GitHub: a repository as owner/name (letters, digits, - _ .)", accept: ["acme/landing-zone", "a_b.c/x-y"], reject: ["landing-zone", "acme/", "acme/landing zone", "acme/lz/x"] },
    { path: "bootstrap.deployEnvironment", source: "GitHub environment names: up to 255 characters", accept: ["production", chars(255)], reject: ["", chars(256), "prod env"] },
    { path: "bootstrap.stackSetTargets", source: "configuration reference: at least one root or OU", accept: [["r-ex12"]], reject: [[]] },
    { path: "bootstrap.stackSetTargets[0]", source: "Organizations API Reference: root ids ^r-[0-9a-z]{4,32}$, OU ids ^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$", accept: ["r-ex12", "ou-ab12-abcd1234", `r-${chars(32)}`], reject: ["r-ex1", `r-${chars(33)}`, "ou-ab12-abcd123", "R-EX12", "o-exampleorg1"] },
    { path: "quietAccounts[0]", source: "configuration reference, account names", accept: ["log-archive", "security"], reject: ["Log-Archive", "log_archive", "a"] },
    { path: "health.heartbeatMinutes", source: "configuration reference: 5-720 minutes (EventBridge rate expressions; a day at most with missedIntervals)", accept: [5, 720], reject: [4, 721, 60.5], base: (o) => (o.health.missedIntervals = 1) },
    { path: "health.missedIntervals", source: "configuration reference: 1-288 intervals, a day at most", accept: [1, 24], reject: [0, 289, 1.5] },
    { path: "health.trailSilentMinutes", source: "configuration reference: 10-1440 minutes in 5-minute periods", accept: [10, 1440], reject: [9, 1441] },
    { path: "health.logCanary.account", source: "configuration reference: an account of accounts, or none", accept: ["workload-dev", "none"], reject: ["Workload-Dev", "-x"] },
    { path: "health.logCanary.intervalMinutes", source: "configuration reference: 5-720 minutes, a day at most with missedIntervals", accept: [5, 720], reject: [4, 721], base: (o) => (o.health.missedIntervals = 1) },
    { path: "response.dedupMinutes", source: "configuration reference: 5 minutes to a week", accept: [5, 10080], reject: [4, 10081, 60.5] },
    { path: "response.playbooks.public-bucket.mode", source: "configuration reference: off, dry-run or enforce", accept: ["off", "dry-run", "enforce"], reject: ["on", "Enforce"], base: (o) => (o.response = { playbooks: { "public-bucket": { organizationalUnits: ["Workloads"] } } }) },
    { path: "response.playbooks.public-bucket.organizationalUnits[0]", source: "configuration reference: the OU path of an account, or an OU above one", accept: ["Workloads", "Workloads/Prod", "Root"], reject: ["Workload", "/Workloads", "Workloads/"] },
    { path: "response.playbooks.public-bucket.accounts[0]", source: "configuration reference: an account of accounts", accept: ["workload-dev", "security"], reject: ["Workload-Dev", "nobody"] },
    { path: "response.playbooks.exposed-key.mode", source: "configuration reference: off, dry-run or enforce", accept: ["off", "dry-run", "enforce"], reject: ["on", "Enforce"], base: (o) => (o.response = { playbooks: { "exposed-key": { organizationalUnits: ["Workloads"] } } }) },
    { path: "response.playbooks.exposed-key.organizationalUnits[0]", source: "configuration reference: the OU path of an account, or an OU above one", accept: ["Workloads", "Workloads/Prod", "Root"], reject: ["Workload", "/Workloads", "Workloads/"] },
    { path: "response.playbooks.exposed-key.accounts[0]", source: "configuration reference: an account of accounts", accept: ["workload-dev", "security"], reject: ["Workload-Dev", "nobody"] },
    { path: "response.playbooks.compromised-instance.mode", source: "configuration reference: off, dry-run or enforce", accept: ["off", "dry-run", "enforce"], reject: ["on", "Enforce"], base: (o) => (o.response = { playbooks: { "compromised-instance": { organizationalUnits: ["Workloads"] } } }) },
    { path: "response.playbooks.compromised-instance.organizationalUnits[0]", source: "configuration reference: the OU path of an account, or an OU above one", accept: ["Workloads", "Workloads/Prod", "Root"], reject: ["Workload", "/Workloads", "Workloads/"] },
    { path: "response.playbooks.compromised-instance.accounts[0]", source: "configuration reference: an account of accounts", accept: ["workload-dev", "security"], reject: ["Workload-Dev", "nobody"] },
    { path: "estimate.workload", source: "configuration reference / docs/cost.md: small, medium or large", accept: ["small", "medium", "large"], reject: ["huge", "Medium"] },
    { path: "estimate.accounts.<value>", source: "docs/cost.md: small, medium or large", accept: ["small", "large"], reject: ["xl"], entry: (v) => ({ at: "estimate.accounts.workload-dev", value: v }) },
    { path: "estimate.volumes.<key>", source: "docs/cost.md: volumes per workload size", accept: ["small", "large"], reject: ["huge"], entry: (v) => ({ at: `estimate.volumes.${String(v)}`, value: {} }) },
    { path: "estimate.activeRegions", source: "configuration reference: at least one region", accept: [1, 4], reject: [0, 1.5] },
    { path: "estimate.idleRegionPercent", source: "configuration reference: a percentage", accept: [0, 100], reject: [-1, 101] },
    { path: "estimate.queryRunsPerMonth", source: "configuration reference: a count", accept: [0, 1000], reject: [-1, 0.5] },
    { path: "estimate.queryScanGb", source: "configuration reference: gigabytes", accept: [0, 50], reject: [-1] },
    { path: "tiering.glacierInstantRetrievalAfterDays", source: "configuration reference: a day at least, before deepArchiveAfterDays", accept: [1, 364], reject: [0, 1.5] },
    { path: "tiering.deepArchiveAfterDays", source: "configuration reference: after glacierInstantRetrievalAfterDays (90), before archiveDays (2557)", accept: [91, 2556], reject: [90, 2557, 0] },
    { path: "tiering.noncurrentVersionExpiryDays", source: "configuration reference: at least archiveDays (2557)", accept: [2557, 36500], reject: [2556, 0] },
    { path: "alerts.emails.high[0]", source: "alert e-mails", ...ALERT_EMAIL },
    { path: "alerts.emails.medium[0]", source: "alert e-mails", ...ALERT_EMAIL },
    { path: "alerts.emails.low[0]", source: "alert e-mails", ...ALERT_EMAIL },
    { path: "alerts.slack.workspaceId", source: "Slack ids", ...SLACK_ID, base: slack },
    { path: "alerts.slack.channels.high", source: "Slack ids", ...SLACK_ID, base: slack },
    { path: "alerts.slack.channels.medium", source: "Slack ids", ...SLACK_ID, base: slack },
    { path: "alerts.slack.channels.low", source: "Slack ids", ...SLACK_ID, base: slack },
];

const DETECTOR = "12abc34d567e8fa901bc2d34e56789f0";
const GRAPH = (account = "333333333333", id = "0123456789abcdef0123456789abcdef") => `arn:aws:detective:us-east-1:${account}:graph:${id}`;

/** Stack settings: `lz:<key>.<path>`; `<key>`/`<value>` test a map's keys and values. */
const STACK_FIELDS: readonly Field[] = [
    { path: "lz:logArchive.replicaRegion", source: "an enabled region other than the home region", accept: ["eu-west-1", "us-west-2"], reject: ["EU-WEST-1", "eu-west", "us-east-1", "ap-south-1"] },
    { path: "lz:logArchive.query.bytesScannedCutoffPerQuery", source: "@pulumi/aws, athena.Workgroup bytesScannedCutoffPerQuery: at least 10485760", accept: [10485760], reject: [10485759, 0] },
    { path: "lz:logArchive.query.resultsExpiryDays", source: "S3 lifecycle expiration: a day at least", accept: [1], reject: [0] },
    { path: "lz:security.events.archiveRetentionDays", source: "configuration reference: 1-36500", accept: [1, 36500], reject: [0, 36501] },
    { path: "lz:security.events.selfTest.intervalMinutes", source: "configuration reference: 5-720 minutes", accept: [5, 720], reject: [4, 721] },
    { path: "lz:security.events.selfTest.missedIntervals", source: "configuration reference: 1-24", accept: [1, 24], reject: [0, 25] },
    {
        path: "lz:security.events.siem.consumerArns[0]",
        source: "IAM identifiers, role ARNs: arn:<partition>:iam::<12-digit account>:role/<path/name>",
        accept: ["arn:aws:iam::333333333333:role/siem-consumer", "arn:aws-us-gov:iam::333333333333:role/team/siem"],
        reject: ["arn:aws:iam::33333333333:role/siem", "arn:aws:iam::3333333333333:role/siem", "arn:aws:iam::333333333333:user/siem", "arn:aws:sts::333333333333:assumed-role/siem/s"],
    },
    { path: "lz:security.events.siem.retentionDays", source: "SQS MessageRetentionPeriod: 60 s to 1,209,600 s (14 days)", accept: [1, 14], reject: [0, 15] },
    { path: "lz:security.events.siem.maxReceiveCount", source: "SQS RedrivePolicy maxReceiveCount: 1-1000", accept: [1, 1000], reject: [0, 1001] },
    { path: "lz:security.events.chatbotRegion", source: "AWS Chatbot regions: us-east-2, us-west-2, eu-west-1, ap-southeast-1", accept: ["us-east-2", "ap-southeast-1"], reject: ["us-east-1", "US-EAST-2"] },
    { path: "lz:security.findingFrequency", source: "GuardDuty API Reference, FindingPublishingFrequency", accept: ["FIFTEEN_MINUTES", "ONE_HOUR", "SIX_HOURS"], reject: ["fifteen_minutes", "THIRTY_MINUTES"] },
    { path: "lz:security.guardDuty.detectorIds.<key>", source: "region codes", ...REGION_KEY },
    { path: "lz:security.guardDuty.detectorIds.<value>", source: "GuardDuty detector ids: 32 lowercase hex", accept: [DETECTOR], reject: [DETECTOR.slice(1), `${DETECTOR}0`, DETECTOR.toUpperCase()] },
    { path: "lz:security.securityHub.standards[0]", source: "Security Hub standards the landing zone knows", accept: ["cis-aws-foundations-benchmark/v/3.0.0"], reject: ["cis-aws-foundations-benchmark/v/9.9.9"] },
    { path: "lz:security.securityHub.standards", source: "configuration reference: at least one standard", accept: [["aws-foundational-security-best-practices/v/1.0.0"]], reject: [[]] },
    { path: "lz:security.detective.graphArns.<key>", source: "region codes", ...REGION_KEY },
    { path: "lz:security.detective.graphArns.<value>", source: "Detective graph ARNs: arn:<partition>:detective:<region>:<12-digit account>:graph:<32 hex>", accept: [GRAPH()], reject: [GRAPH("33333333333"), GRAPH("333333333333", "0123456789abcdef0123456789abcde"), GRAPH("333333333333", "0123456789ABCDEF0123456789ABCDEF")] },
    { path: "lz:member.config.recordingFrequency", source: "AWS Config RecordingMode: CONTINUOUS or DAILY", accept: ["CONTINUOUS", "DAILY"], reject: ["daily", "HOURLY"] },
    { path: "lz:member.config.dailyResourceTypes[0]", source: "Config resource types", ...CONFIG_TYPE },
    { path: "lz:member.config.excludedResourceTypes[0]", source: "Config resource types", ...CONFIG_TYPE },
    { path: "lz:bootstrap.stackSet.maxConcurrentPercentage", source: "CloudFormation StackSets, MaxConcurrentPercentage: 1-100", accept: [1, 100], reject: [0, 101] },
    { path: "lz:bootstrap.stackSet.failureTolerancePercentage", source: "CloudFormation StackSets, FailureTolerancePercentage: 0-100", accept: [0, 100], reject: [-1, 101] },
    { path: "lz:security.integrity.hourUtc", source: "configuration reference: 02-23 UTC (yesterday's last digests are delivered by then)", accept: [2, 23], reject: [1, 24] },
    { path: "lz:security.integrity.missingAfterHours", source: "configuration reference: 25-168 hours (more than a day; an alarm of hourly periods looks back 7 days)", accept: [25, 168], reject: [24, 169] },
    { path: "lz:security.integrity.parallel", source: "configuration reference: 1-32 account × region chains at once", accept: [1, 32], reject: [0, 33] },
    { path: "lz:security.integrity.memoryMb", source: "Lambda CreateFunction, MemorySize: 128-10240 MB; 512 at least here", accept: [512, 10240], reject: [511, 10241] },
    { path: "lz:member.response.quarantineVpcs.<key>", source: "region codes of the enabled regions", accept: ["us-east-1", "eu-west-1"], reject: ["US-EAST-1", "us-east-2"], entry: (v) => ({ at: `lz:member.response.quarantineVpcs.${String(v)}`, value: [] }) },
    {
        path: "lz:member.response.quarantineVpcs.<value>[0]",
        source: "Amazon EC2 API Reference, Vpc.VpcId: vpc- and 8 or 17 hexadecimal digits",
        accept: ["vpc-01234567", "vpc-0123456789abcdef0"],
        reject: ["vpc-0123456", "vpc-0123456789ABCDEF0", "sg-0123456789abcdef0", "vpc-0123456789abcdef"],
        entry: (v) => ({ at: "lz:member.response.quarantineVpcs.us-east-1[0]", value: v }),
    },
    { path: "lz:member.config.owner", source: "configuration reference: landing-zone or control-tower", accept: ["landing-zone", "control-tower"], reject: ["ControlTower", "none"] },
    { path: "lz:member.config.adopt.regions[0]", source: "region codes", accept: ["us-east-1"], reject: ["US-EAST-1", "us-east"] },
    { path: "lz:member.config.adopt.recorderName", source: "AWS Config API Reference, ConfigurationRecorder.name: 1-256 characters", accept: ["default", chars(256)], reject: ["", chars(257), "my recorder"] },
    { path: "lz:member.config.adopt.deliveryChannelName", source: "AWS Config API Reference, DeliveryChannel.name: 1-256 characters", accept: ["default", chars(256)], reject: ["", chars(257), "my channel"] },
    {
        path: "lz:member.logSubscription.excludedLogGroups[0]",
        source: "CloudWatch Logs API Reference, CreateLogGroup, logGroupName: 1-512 of a-z A-Z 0-9 _ - / . #",
        accept: ["/aws/lambda/x", chars(512)],
        reject: ["", chars(513), "bad name"],
    },
];

/** Puts `value` at `path` (`a.b[0].c`) in `obj`, creating what is missing. */
function setAt(obj: Record<string, any>, path: string, value: unknown): void {
    const keys = path.split(/\.|(?=\[)/).map((k) => (k.startsWith("[") ? Number(k.slice(1, -1)) : k));
    let node: any = obj;
    keys.slice(0, -1).forEach((k, i) => {
        if (node[k] === undefined || node[k] === null) node[k] = typeof keys[i + 1] === "number" ? [] : {};
        node = node[k];
    });
    node[keys[keys.length - 1]] = value;
}

/** The problem lines about `path` once `value` is put there in the reference organisation. */
function orgProblems(f: Field, value: unknown): string[] {
    const o = referenceOrg();
    f.base?.(o);
    const e = f.entry ? f.entry(value) : { at: f.path, value };
    setAt(o, e.at, e.value);
    return configProblems(() => parseOrg(o, ORG_FILE)).filter((l) => l.startsWith(`${ORG_FILE}: ${e.at}: `));
}

const STACKS: Readonly<Record<string, { stack: string; config: Record<string, string> }>> = {
    logArchive: { stack: "log-archive", config: { "lz:role": "log-archive" } },
    security: { stack: "security", config: { "lz:role": "security" } },
    member: { stack: "member-workload-dev", config: { "lz:role": "member", "lz:account": "workload-dev" } },
    bootstrap: { stack: "bootstrap", config: { "lz:role": "bootstrap" } },
};

/** The problem lines about `path` once `value` is put there in the settings of the stack that `lz:<key>` belongs to. */
function stackProblems(f: Field, value: unknown): string[] {
    const [, key, rest] = /^lz:(\w+)\.(.+)$/.exec(f.path)!;
    const settings: Record<string, any> = {};
    let reported = f.path;
    const map = /^(.+)\.<(key|value)>$/.exec(rest);
    if (f.entry) {
        const e = f.entry(value);
        setAt(settings, e.at.replace(/^lz:\w+\./, ""), e.value);
        reported = e.at;
    } else if (map) {
        const [k, v] = map[2] === "key" ? [String(value), map[1].endsWith("detectorIds") ? DETECTOR : GRAPH()] : ["us-east-1", value];
        setAt(settings, map[1], { [k]: v });
        reported = `lz:${key}.${map[1]}.${k}`;
    } else {
        setAt(settings, rest, value);
    }
    const { stack, config } = STACKS[key];
    const org = parseOrg(referenceOrg(), ORG_FILE);
    const file = `stacks/Pulumi.${stack}.yaml`;
    return configProblems(() => parseStack(stack, file, { ...config, [`lz:${key}`]: JSON.stringify(settings) }, org)).filter((l) => l.startsWith(`${file}: ${reported}: `));
}

function judge(fields: readonly Field[], problems: (f: Field, value: unknown) => string[]): void {
    for (const f of fields) {
        describe(f.path, () => {
            it(`accepts ${f.accept.map((v) => JSON.stringify(v)).join(", ")} (${f.source})`, () => {
                assert.ok(f.accept.length > 0);
                for (const v of f.accept) assert.deepEqual(problems(f, v), [], `${JSON.stringify(v)} should pass`);
            });
            it(`rejects ${f.reject.map((v) => JSON.stringify(v)).join(", ")}, naming the file and key`, () => {
                assert.ok(f.reject.length > 0);
                for (const v of f.reject) assert.ok(problems(f, v).length > 0, `${JSON.stringify(v)} should fail`);
            });
        });
    }
}

/** Every schema leaf with a format (pattern, enum, bounds, a minimum count), as `Field.path` names it. */
function validatedPaths(s: Schema, path: string, out: string[]): string[] {
    const join = (k: string) => (path === "" ? k : `${path}.${k}`);
    switch (s.kind) {
        case "string":
            if (s.pattern || s.enum) out.push(path);
            break;
        case "integer":
            if (s.min !== undefined || s.max !== undefined) out.push(path);
            break;
        case "array":
            if (s.minItems !== undefined) out.push(path);
            validatedPaths(s.items, `${path}[0]`, out);
            break;
        case "object":
            for (const [k, f] of Object.entries(s.fields)) validatedPaths(f, join(k), out);
            break;
        case "map":
            if (s.keys) validatedPaths(s.keys, join("<key>"), out);
            validatedPaths(s.values, join("<value>"), out);
            break;
    }
    return out;
}

describe("configuration formats at their boundaries", () => {
    describe(ORG_FILE, () => judge(ORG_FIELDS, orgProblems));
    describe("stack settings", () => judge(STACK_FIELDS, stackProblems));

    it("tells a user whose account id YAML read as a number which quoted id to write, leading zeros put back", () => {
        const o = referenceOrg();
        o.accounts.members[0].id = 12345678901;
        assert.deepEqual(
            configProblems(() => parseOrg(o, ORG_FILE)).filter((l) => l.includes("accounts.members[0].id")),
            [`${ORG_FILE}: accounts.members[0].id: must be a string (a 12-digit AWS account id), got a number 12345678901; write it in quotes (YAML read it as a number and dropped its leading zeros): "012345678901"`],
        );
    });

    it("has boundary rows for every validated field of the organisation file and of every role's settings", () => {
        const validated = [...validatedPaths(orgSchema, "", []), ...Object.values(ROLE_SETTINGS).flatMap((r) => validatedPaths(r.schema, `lz:${r.key}`, []))];
        assert.ok(validated.length >= 60, `${validated.length} validated fields`);
        const covered = new Set([...ORG_FIELDS, ...STACK_FIELDS].map((f) => f.path));
        assert.deepEqual(validated.filter((p) => !covered.has(p)), []);
    });
});
