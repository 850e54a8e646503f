/**
 * The guardrails protect what the stacks actually create: every planned resource of a type the
 * SCPs guard, in every account they apply to, is decided through iam-simulate with its ARN as the
 * mocks answer it (realistic, autonamed resources included). A member-account administrator must
 * be denied a destructive action on it. A resource renamed outside the `<namePrefix>-` patterns, or
 * left to Pulumi's autonaming, fails here.
 */
import { strict as assert } from "assert";
import { loadOrg } from "../../../infra/config/load";
import type { StackPlan } from "../../../infra/engine/run";
import type { PlannedResource } from "../../../infra/engine/monitor";
import { LANDING_ZONE_TAG } from "../../../infra/iam/scp-common";
import { archiveReplicaBucketName, roleArn } from "../../../infra/naming";
import { ALLOW_ALL, decide } from "../../support/iam";
import { scpLevels } from "../../support/guardrails";
import { planGenerated, planReference, referenceOrg, REPO_ROOT } from "../../support/plan";

const org = loadOrg(REPO_ROOT);

/** Destructive actions per protected type; `star` for actions IAM authorises on `*` only (account-level). */
const PROTECTED: Record<string, { readonly actions: readonly string[]; readonly star?: true; readonly resourceOf?: (r: PlannedResource, account: string) => string }> = {
    "aws:iam/role:Role": { actions: ["iam:DeleteRole", "iam:PutRolePolicy", "iam:UpdateAssumeRolePolicy"] },
    "aws:iam/serviceLinkedRole:ServiceLinkedRole": { actions: ["iam:DeleteServiceLinkedRole"] },
    "aws:s3/bucket:Bucket": { actions: ["s3:DeleteBucket", "s3:PutBucketPolicy", "s3:PutReplicationConfiguration", "s3:PutBucketNotification"] },
    "aws:s3/bucketV2:BucketV2": { actions: ["s3:DeleteBucket", "s3:PutBucketPolicy", "s3:PutReplicationConfiguration", "s3:PutBucketNotification"] },
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": { actions: ["firehose:DeleteDeliveryStream", "firehose:UpdateDestination"] },
    "aws:cloudwatch/logDestination:LogDestination": { actions: ["logs:DeleteDestination", "logs:PutDestinationPolicy"] },
    "aws:cloudwatch/logGroup:LogGroup": { actions: ["logs:DeleteLogGroup", "logs:PutRetentionPolicy"] },
    "aws:cloudwatch/logAccountPolicy:LogAccountPolicy": { actions: ["logs:DeleteAccountPolicy", "logs:PutAccountPolicy"], star: true },
    "aws:cloudtrail/trail:Trail": { actions: ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail"] },
    "aws:cloudwatch/eventBus:EventBus": { actions: ["events:DeleteEventBus"] },
    "aws:cloudwatch/eventBusPolicy:EventBusPolicy": { actions: ["events:PutPermission", "events:RemovePermission"], star: true },
    "aws:cloudwatch/eventRule:EventRule": { actions: ["events:DeleteRule", "events:RemoveTargets"] },
    "aws:cloudwatch/eventArchive:EventArchive": { actions: ["events:DeleteArchive"] },
    "aws:sns/topic:Topic": { actions: ["sns:DeleteTopic", "sns:SetTopicAttributes"] },
    "aws:sqs/queue:Queue": { actions: ["sqs:DeleteQueue", "sqs:SetQueueAttributes"] },
    "aws:kms/key:Key": { actions: ["kms:ScheduleKeyDeletion", "kms:PutKeyPolicy"] },
    // The health signals (docs/operations.md): deleting, rewriting, muting or forcing an alarm to OK.
    "aws:cloudwatch/metricAlarm:MetricAlarm": { actions: ["cloudwatch:DeleteAlarms", "cloudwatch:PutMetricAlarm", "cloudwatch:SetAlarmState", "cloudwatch:DisableAlarmActions"] },
    // A metric filter is authorised on its log group.
    "aws:cloudwatch/logMetricFilter:LogMetricFilter": {
        actions: ["logs:DeleteMetricFilter", "logs:PutMetricFilter"],
        resourceOf: (r, account) => `arn:aws:logs:${String(r.inputs.region ?? org.homeRegion)}:${account}:log-group:${String(r.inputs.logGroupName)}:*`,
    },
    "aws:scheduler/schedule:Schedule": { actions: ["scheduler:DeleteSchedule", "scheduler:UpdateSchedule"] },
    "aws:scheduler/scheduleGroup:ScheduleGroup": { actions: ["scheduler:DeleteScheduleGroup"] },
    // The playbooks' dedup table: a claim of an administrator's writing makes a playbook ignore a finding.
    "aws:dynamodb/table:Table": { actions: ["dynamodb:PutItem", "dynamodb:DeleteTable", "dynamodb:UpdateTimeToLive", "dynamodb:PutResourcePolicy"] },
};

/**
 * Resources the stacks create that the guardrails do not reach, by `<stack kind>/<logical name>`:
 * an autonamed resource no name pattern can cover. None today; one listed here that becomes
 * protected makes this test fail until it leaves the list.
 */
const KNOWN_GAPS: Record<string, string> = {};

/** Account the stack deploys into, from its provider's `allowedAccountIds`. */
function accountOf(plan: StackPlan): string {
    const provider = plan.resources.find((r) => r.type === "pulumi:providers:aws")!;
    return (JSON.parse(String(provider.inputs.allowedAccountIds)) as string[])[0];
}

function tagsOf(plan: StackPlan, r: PlannedResource): Record<string, string> {
    const provider = plan.resources.find((p) => p.urn === r.provider) ?? plan.resources.find((p) => p.type === "pulumi:providers:aws")!;
    const defaults = (JSON.parse(String(provider.inputs.defaultTags ?? "{}")) as { tags?: Record<string, string> }).tags ?? {};
    return { ...defaults, ...((r.inputs.tags as Record<string, string> | null) ?? {}) };
}

function stackKind(stack: string): string {
    return stack.startsWith("member-") ? "member" : stack;
}

interface Finding {
    readonly key: string;
    readonly what: string;
}

/** Decides every protected action on every protected resource of the plans; returns what is not denied. */
async function unprotected(plans: readonly StackPlan[]): Promise<{ checked: number; gaps: Finding[] }> {
    const gaps: Finding[] = [];
    let checked = 0;
    for (const plan of plans) {
        const account = accountOf(plan);
        if (account === org.management.id) continue; // SCPs never apply to the management account.
        const admin = roleArn(org, account, "Administrator");
        for (const r of plan.resources) {
            const p = PROTECTED[r.type];
            if (!p) continue;
            const arn = p.resourceOf ? p.resourceOf(r, account) : String(r.outputs.arn);
            const keyPolicy = { Version: "2012-10-17", Statement: [{ Sid: "Iam", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "kms:*", Resource: "*" }] };
            const isKey = r.type === "aws:kms/key:Key";
            for (const action of p.actions) {
                checked++;
                const got = await decide({
                    principal: admin,
                    action,
                    resource: p.star ? "*" : arn,
                    resourceAccount: account,
                    identityPolicies: [ALLOW_ALL],
                    resourcePolicy: isKey ? keyPolicy : undefined,
                    scps: scpLevels(org, account),
                    orgId: org.organizationId,
                    context: {
                        "aws:RequestedRegion": String(r.inputs.region ?? org.homeRegion),
                        "aws:PrincipalArn": admin,
                        "aws:PrincipalAccount": account,
                        ...(isKey ? { [`aws:ResourceTag/${LANDING_ZONE_TAG}`]: tagsOf(plan, r)[LANDING_ZONE_TAG] ?? "" } : {}),
                    },
                });
                if (got !== "ExplicitlyDenied") gaps.push({ key: `${stackKind(plan.stack)}/${r.name}`, what: `${plan.stack}: ${action} on ${arn} (${r.type}) is ${got}` });
            }
        }
    }
    return { checked, gaps };
}

function assertOnlyKnownGaps(gaps: readonly Finding[]): void {
    const unexpected = gaps.filter((g) => !(g.key in KNOWN_GAPS)).map((g) => g.what);
    assert.deepEqual(unexpected, [], "protected-type resources a member administrator could still delete or change");
}

describe("guardrail coverage of the planned stacks", function () {
    this.timeout(600_000);
    let reference: Awaited<ReturnType<typeof unprotected>>;
    let withReplica: Awaited<ReturnType<typeof unprotected>>;

    before(async () => {
        reference = await unprotected(await planReference());
        const [logArchive] = await planGenerated(
            referenceOrg(),
            { management: { "lz:role": "management" }, "log-archive": { "lz:role": "log-archive", "lz:logArchive": { replicaRegion: "eu-west-1" } } },
            ["log-archive"],
        );
        assert.ok(logArchive.resources.some((r) => r.outputs.bucket === archiveReplicaBucketName(org, "eu-west-1")), "the log archive plans its replica");
        withReplica = await unprotected([logArchive]);
    });

    it("denies a member administrator every destructive action checked on every role, bucket, stream, destination, log group, metric filter, trail, bus, rule, archive, topic, queue, key, alarm and schedule of the reference organisation", () => {
        assert.ok(reference.checked > 300, `only ${reference.checked} decisions`);
        assertOnlyKnownGaps(reference.gaps);
    });

    it("covers the cross-region replica, its access-log staging bucket and its replication role as well", () => {
        assertOnlyKnownGaps(withReplica.gaps);
    });

    it("lists as known gaps only resources that are still unprotected", () => {
        const still = new Set([...reference.gaps, ...withReplica.gaps].map((g) => g.key));
        assert.deepEqual(Object.keys(KNOWN_GAPS).filter((k) => !still.has(k)), []);
    });
});
