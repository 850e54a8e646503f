/**
 * The security stack's scheduled CloudTrail integrity validation (a named step of `runSecurityStack`).
 *
 * Why the security account and not the log archive: the account that alerts validates the log
 * archive's data, so an administrator of the log-archive account, who could tamper with the files,
 * cannot also silence the check of them; and the result reaches the central bus without crossing
 * an account.
 */
import * as pulumi from "@pulumi/pulumi";
import type { StackModel } from "../config/model";
import { arn, centralBusArn, centralBusName, integrityValidationLogGroupName, integrityValidationName, orgTrailName, roleArn, servicePrincipal } from "../naming";
import type { ArchivePrefixes } from "../iam/archive-bucket-policy";
import { integrityJobPermissionsPolicy } from "../iam/integrity-job-permissions";
import { lambdaTrustPolicy } from "../iam/lambda-trust";
import { scheduleGroupTrustPolicy } from "../iam/schedule-group-trust";
import { INTEGRITY_EVENT_SOURCE, type IntegrityJobConfig } from "../integrity/validation-job";
import { INTEGRITY_ROUTE_IDS } from "../components/events/integrity-routes";
import { IntegrityValidationJob } from "../components/integrity/integrity-validation-job";
import type { RoleContext } from "./context";

type Model = Extract<StackModel, { role: "security" }>;

/** What the step needs from the log-archive stack and the alerting built before it. */
export interface IntegrityInputs {
    readonly archiveBucketName: pulumi.Input<string>;
    readonly archiveBucketArn: pulumi.Input<string>;
    readonly archiveKeyArn: pulumi.Input<string>;
    readonly prefixes: pulumi.Input<ArchivePrefixes>;
    /** The organisation's id (from the management stack when it creates the organisation). */
    readonly organizationId: pulumi.Input<string>;
    readonly highTopicArn: pulumi.Input<string>;
    /** Physical name of a routing rule of the central bus. */
    readonly routeRuleName: (routeId: string) => string;
}

/** The bus-policy publisher of the job's source: its role alone may put `lz.integrity`. */
export function integrityPublisher(model: Model): { name: string; source: string; roleArns: string[] } | undefined {
    const { org } = model;
    return model.settings.integrity.enabled ? { name: "Integrity", source: INTEGRITY_EVENT_SOURCE, roleArns: [roleArn(org, org.security.id, integrityValidationName(org))] } : undefined;
}

/** The job's alarms (the dashboard shows them): no passing run, and an invocation that failed every retry. */
export function integrityAlarmNames(model: Model): string[] {
    const name = integrityValidationName(model.org);
    return model.settings.integrity.enabled ? [`${name}-missing`, `${name}-failed`] : [];
}

/** The daily validation of the previous UTC day, every account with an id × every enabled region; undefined when switched off. */
export function integrityTier(ctx: RoleContext<Model>, inputs: IntegrityInputs): IntegrityValidationJob | undefined {
    const { org, settings } = ctx.model;
    const s = settings.integrity;
    if (!s.enabled) return undefined;
    const name = integrityValidationName(org);
    const account = org.security.id;
    const home = org.homeRegion;
    const trailPrefix = pulumi.output(inputs.prefixes).apply((p) => p.cloudTrail);
    const config: pulumi.Output<IntegrityJobConfig> = pulumi.all([inputs.archiveBucketName, trailPrefix, inputs.organizationId]).apply(([bucket, keyPrefix, organizationId]) => ({
        bucket,
        trail: { keyPrefix, organizationId, trailName: orgTrailName(org), homeRegion: home },
        accounts: org.accounts.flatMap((a) => (a.id === undefined ? [] : [a.id])),
        regions: [...org.regions],
        eventBusArn: centralBusArn(org),
        parallel: s.parallel,
    }));
    const permissions = pulumi.all([inputs.archiveBucketArn, inputs.archiveKeyArn, trailPrefix, inputs.organizationId]).apply(([archiveBucketArn, archiveKeyArn, keyPrefix, organizationId]) =>
        integrityJobPermissionsPolicy({
            archiveBucketArn,
            archiveKeyArn,
            trailFilesPrefix: `${keyPrefix ? `${keyPrefix}/` : ""}AWSLogs/${organizationId}/`,
            s3ViaService: servicePrincipal(org, `s3.${home}`),
            busArn: centralBusArn(org),
            eventSource: INTEGRITY_EVENT_SOURCE,
        }),
    );
    return new IntegrityValidationJob(
        "log-integrity",
        {
            name,
            config,
            trustPolicy: lambdaTrustPolicy({ lambdaPrincipal: servicePrincipal(org, "lambda"), accountId: account }),
            permissionsPolicy: permissions,
            scheduleTrustPolicy: scheduleGroupTrustPolicy({
                sid: "SchedulerRunsIntegrityValidation",
                schedulerPrincipal: servicePrincipal(org, "scheduler"),
                accountId: account,
                scheduleGroupArn: arn(org, "scheduler", home, account, `schedule-group/${name}`),
            }),
            scheduleRoleArn: roleArn(org, account, `${name}-schedule`),
            logGroupName: integrityValidationLogGroupName(org),
            logRetentionDays: org.retention.logGroupDays,
            alarmTopicArn: inputs.highTopicArn,
            busName: centralBusName(org),
            passedRuleName: inputs.routeRuleName(INTEGRITY_ROUTE_IDS.success),
            exemptRoleArns: [roleArn(org, account, org.roles.deployment), roleArn(org, account, org.roles.breakGlass)],
            hourUtc: s.hourUtc,
            missingAfterHours: s.missingAfterHours,
            memoryMb: s.memoryMb,
        },
        { provider: ctx.provider },
    );
}
