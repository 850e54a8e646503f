import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { SEVERITIES, type Severity } from "../../config/model";
import { policyJson, type PolicyDocument } from "../../iam/types";
import { failIfAny } from "../validate";

export interface SlackAlertsArgs {
    /** Slack workspace (team) id authorised in the Chatbot console, e.g. `T0123ABCD`. */
    readonly workspaceId: string;
    /** Slack channel id per severity; severities without a channel are not sent to Slack. */
    readonly channels: Readonly<Partial<Record<Severity, string>>>;
    readonly topicArns: Readonly<Record<Severity, pulumi.Input<string>>>;
    /** Physical name of the channel role; also the prefix of configuration names. */
    readonly roleName: string;
    /** Trust of the role (`iam/chatbot-trust.ts`). */
    readonly trustPolicy: PolicyDocument;
    /** Its permissions (`iam/chatbot-notifications.ts`). */
    readonly permissionsPolicy: PolicyDocument;
    /** Guardrail policies that cap what anyone can do through the channel, e.g. the AWS managed `ReadOnlyAccess`. */
    readonly guardrailPolicyArns: readonly string[];
    /** Region of the Chatbot endpoint. */
    readonly region: string;
}

export function resolveSlackAlertsArgs(name: string, args: SlackAlertsArgs): SlackAlertsArgs {
    const problems: string[] = [];
    if (!/^[A-Z0-9]{9,11}$/.test(args.workspaceId)) problems.push(`workspaceId: ${JSON.stringify(args.workspaceId)} is not a Slack workspace id like T0123ABCD`);
    const channels = Object.entries(args.channels).filter(([, c]) => c !== undefined);
    if (channels.length === 0) problems.push("channels: name at least one channel (high, medium or low)");
    for (const [s, c] of channels) if (!/^[A-Z0-9]{9,11}$/.test(String(c))) problems.push(`channels.${s}: ${JSON.stringify(c)} is not a Slack channel id like C0123ABCD`);
    if (args.guardrailPolicyArns.length === 0) problems.push("guardrailPolicyArns: without a guardrail Chatbot applies AdministratorAccess to the channel; name a read-only policy");
    failIfAny("SlackAlerts", name, problems);
    return args;
}

/**
 * Optional Slack delivery through AWS Chatbot: one channel configuration per Slack channel, subscribed
 * to the severity topics mapped to it, with a notifications-only role and a read-only guardrail.
 */
export class SlackAlerts extends pulumi.ComponentResource {
    /** Chat configuration ARNs by Slack channel id. */
    public readonly configurationArns: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: SlackAlertsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:events:SlackAlerts", name, {}, opts);
        const a = resolveSlackAlertsArgs(name, args);
        const role = new aws.iam.Role(
            `${name}-role`,
            { name: a.roleName, description: "AWS Chatbot renders security alerts in Slack", assumeRolePolicy: policyJson(a.trustPolicy) },
            { parent: this },
        );
        const permissions = new aws.iam.RolePolicy(`${name}-role-policy`, { role: role.name, policy: policyJson(a.permissionsPolicy) }, { parent: this });
        const byChannel = new Map<string, Severity[]>();
        for (const s of SEVERITIES) {
            const channel = a.channels[s];
            if (channel) byChannel.set(channel, [...(byChannel.get(channel) ?? []), s]);
        }
        const arns: Record<string, pulumi.Output<string>> = {};
        for (const [channel, severities] of byChannel) {
            const suffix = severities.join("-");
            arns[channel] = new aws.chatbot.SlackChannelConfiguration(
                `${name}-${suffix}`,
                {
                    configurationName: `${a.roleName}-${suffix}`,
                    iamRoleArn: role.arn,
                    slackTeamId: a.workspaceId,
                    slackChannelId: channel,
                    snsTopicArns: severities.map((s) => a.topicArns[s]),
                    guardrailPolicyArns: [...a.guardrailPolicyArns],
                    loggingLevel: "ERROR",
                    userAuthorizationRequired: false,
                    region: a.region,
                },
                { parent: this, dependsOn: [permissions] },
            ).chatConfigurationArn;
        }
        this.configurationArns = pulumi.output(arns);
        this.registerOutputs({ configurationArns: this.configurationArns });
    }
}
