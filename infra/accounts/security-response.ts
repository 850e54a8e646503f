/**
 * The security stack's automated response (a named step of `runSecurityStack`; docs/response.md):
 * one function per switched-on playbook, fed by its rules on the central bus, acting through the
 * response roles the member baseline creates in the accounts in its scope, and the table that keeps
 * a finding from being handled twice.
 *
 * Why the security account: the findings arrive there already (the central bus), the functions are
 * out of reach of the member accounts they act in, and the guardrail on the security account's
 * functions (`scp-protect-functions.ts`) keeps its own administrators from rewriting or invoking them.
 */
import * as pulumi from "@pulumi/pulumi";
import type { StackModel } from "../config/model";
import { QUARANTINE_TAG_KEY, RESPONSE_EVENT_SOURCE, responseExternalId, type PlaybookConfig, type PlaybookId } from "../config/playbooks";
import { activePlaybooks } from "../config/settings/response";
import { healthAlarmName } from "../config/health";
import { centralBusArn, centralBusName, playbookFunctionName, playbookLogGroupName, playbookRuleName, responseDedupTableName, responseRoleName, roleArn, servicePrincipal } from "../naming";
import { lambdaTrustPolicy } from "../iam/lambda-trust";
import { playbookFunctionPermissionsPolicy } from "../iam/playbook-function-permissions";
import { playbookRules } from "../response/playbook-triggers";
import { ResponseDedupTable } from "../components/response/response-dedup-table";
import { ResponsePlaybook } from "../components/response/response-playbook";
import type { RoleContext } from "./context";

type Model = Extract<StackModel, { role: "security" }>;

export interface ResponseInputs {
    /** The organisation's id (from the management stack when it creates the organisation). */
    readonly organizationId: pulumi.Input<string>;
    readonly highTopicArn: pulumi.Input<string>;
}

/** The bus-policy publisher of the playbooks' source: their function roles alone may put `lz.response`. */
export function responsePublisher(model: Model): { name: string; source: string; roleArns: string[] } | undefined {
    const { org } = model;
    const roles = deployedPlaybooks(model).map((id) => roleArn(org, org.security.id, playbookFunctionName(org, id)));
    return roles.length > 0 ? { name: "Response", source: RESPONSE_EVENT_SOURCE, roleArns: roles } : undefined;
}

/** The accounts a playbook may act in: those of its scope whose id is known (an account still to be created joins at the next run). */
function scopeAccountIds(model: Model, playbook: PlaybookId): string[] {
    return model.org.response.playbooks[playbook].accounts.flatMap((a) => (a.id === undefined ? [] : [a.id]));
}

/** The playbooks switched on with at least one account in scope that has an id: those the stack deploys. */
function deployedPlaybooks(model: Model): PlaybookId[] {
    return activePlaybooks(model.org.response).filter((id) => scopeAccountIds(model, id).length > 0);
}

/** The playbooks that are switched on, and their dedup table; undefined when every playbook is off. */
export function responseTier(ctx: RoleContext<Model>, inputs: ResponseInputs): { playbooks: Partial<Record<PlaybookId, ResponsePlaybook>>; table: ResponseDedupTable } | undefined {
    const { org } = ctx.model;
    const active = deployedPlaybooks(ctx.model);
    if (active.length === 0) return undefined;
    const opts = { provider: ctx.provider };
    const account = org.security.id;
    const table = new ResponseDedupTable("response-dedup", { tableName: responseDedupTableName(org) }, opts);
    const playbooks: Partial<Record<PlaybookId, ResponsePlaybook>> = {};
    for (const id of active) playbooks[id] = playbook(ctx, id, table, inputs, account);
    return { playbooks, table };
}

function playbook(ctx: RoleContext<Model>, id: PlaybookId, table: ResponseDedupTable, inputs: ResponseInputs, account: string): ResponsePlaybook {
    const { org } = ctx.model;
    const settings = org.response.playbooks[id];
    const accounts = scopeAccountIds(ctx.model, id);
    const name = playbookFunctionName(org, id);
    const config: pulumi.Output<PlaybookConfig> = table.tableName.apply((dedupTable) => ({
        playbook: id,
        mode: settings.mode as PlaybookConfig["mode"],
        partition: org.partition,
        roleName: responseRoleName(org, id),
        externalId: responseExternalId(org.namePrefix, id, account),
        accounts,
        dedupTable,
        dedupMinutes: org.response.dedupMinutes,
        eventBusArn: centralBusArn(org),
        tagKey: QUARANTINE_TAG_KEY,
    }));
    const permissions = pulumi.all([inputs.organizationId, table.tableArn]).apply(([organizationId, dedupTableArn]) =>
        playbookFunctionPermissionsPolicy({
            playbook: id,
            partition: org.partition,
            responseRoleName: responseRoleName(org, id),
            organizationId,
            dedupTableArn,
            busArn: centralBusArn(org),
            eventSource: RESPONSE_EVENT_SOURCE,
        }),
    );
    return new ResponsePlaybook(
        `playbook-${id}`,
        {
            playbook: id,
            functionName: name,
            config,
            trustPolicy: lambdaTrustPolicy({ lambdaPrincipal: servicePrincipal(org, "lambda"), accountId: account }),
            permissionsPolicy: permissions,
            eventsPrincipal: servicePrincipal(org, "events"),
            busName: centralBusName(org),
            triggers: triggersOf(ctx.model, id),
            ruleName: (trigger) => playbookRuleName(org, trigger),
            logGroupName: playbookLogGroupName(org, id),
            logRetentionDays: org.retention.logGroupDays,
            alarmTopicArn: inputs.highTopicArn,
            failedAlarmName: (trigger) => triggerFailedAlarmName(ctx.model, trigger),
            exemptRoleArns: [roleArn(org, account, org.roles.deployment), roleArn(org, account, org.roles.breakGlass)],
        },
        { provider: ctx.provider },
    );
}

/** The rules that feed a playbook: its triggers over the accounts in its scope. */
function triggersOf(model: Model, playbook: PlaybookId) {
    return playbookRules(playbook, { accounts: scopeAccountIds(model, playbook), partition: model.org.partition });
}

/** Name of the alarm on a trigger rule's lost deliveries (a `routing-failed` health signal of its own). */
function triggerFailedAlarmName(model: Model, triggerId: string): string {
    return healthAlarmName(model.org.namePrefix, "routing-failed", `playbook-${triggerId}`);
}

/** The playbooks' alarms (the dashboard shows them): an invocation that failed every retry, a trigger that could not invoke. */
export function responseAlarmNames(model: Model): string[] {
    const { org } = model;
    return deployedPlaybooks(model).flatMap((id) => [`${playbookFunctionName(org, id)}-failed`, ...triggersOf(model, id).map((t) => triggerFailedAlarmName(model, t.id))]);
}
