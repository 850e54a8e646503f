import * as pulumi from "@pulumi/pulumi";
import type { Severity, StackModel } from "../config/model";
import { disabledGuardDutyFeatures, type SecurityHubStandard } from "../config/settings/security";
import type { ArchivePrefixes } from "../iam/archive-bucket-policy";
import {
    arn,
    configAggregatorRoleName,
    orgTrailLogsRoleName,
    orgTrailArn,
    orgTrailLogGroupName,
    orgTrailName,
    servicePrincipal,
    stackReferenceName,
} from "../naming";
import { OrganizationTrail } from "../components/trail/organization-trail";
import { CisAlarms } from "../components/trail/cis-alarms";
import { landingZoneTrailControls } from "../components/trail/landing-zone-controls";
import { absenceAlarm } from "../components/health/absence-alarm";
import { healthAlarmName } from "../config/health";
import { GuardDutyOrganization } from "../components/detection/guard-duty-organization";
import { SecurityHubCentral } from "../components/detection/security-hub-central";
import { ConfigAggregator } from "../components/detection/config-aggregator";
import { LoggingConformancePack } from "../components/detection/logging-conformance-pack";
import { InspectorOrganization } from "../components/detection/inspector-organization";
import { MacieOrganization } from "../components/detection/macie-organization";
import { DetectiveOrganization } from "../components/detection/detective-organization";
import { AccessAnalyzerOrganization } from "../components/detection/access-analyzer-organization";
import { InvestigatorRole } from "../components/investigation/investigator-role";
import { routeRuleName } from "../components/events/names";
import { alertingScope, buildSecurityEvents } from "./security-events";
import { integrityTier } from "./security-integrity";
import { responseTier } from "./security-response";
import { insightsTier } from "./security-insights";
import type { RoleContext, RoleOutputs } from "./context";

type Model = Extract<StackModel, { role: "security" }>;

/** Minimum retention the organisation's log-group rule checks when groups never expire (0). */
const NEVER_EXPIRE_RULE_MINIMUM = 365;

/** `arn:<partition>:securityhub:<region>::standards/<id>` — the form configuration policies take. */
export function securityHubStandardArn(partition: string, region: string, standard: SecurityHubStandard): string {
    return `arn:${partition}:securityhub:${region}::standards/${standard}`;
}

/** The log-archive and management stacks' outputs the security stack builds on. */
interface Upstream {
    readonly management: pulumi.StackReference;
    readonly archive: pulumi.StackReference;
    readonly archiveBucket: pulumi.Output<string>;
    readonly archiveBucketArn: pulumi.Output<string>;
    readonly archiveKeyArn: pulumi.Output<string>;
    /** Where the archive's bucket policy lets each service write: the trail and GuardDuty use exactly those prefixes. */
    readonly prefixes: pulumi.Output<ArchivePrefixes>;
    /** The organisation's id (the management stack's output when it creates the organisation). */
    readonly organizationId: pulumi.Output<string>;
}

/** What every step of the security stack needs. */
interface Context extends RoleContext<Model> {
    readonly opts: { readonly provider: RoleContext<Model>["provider"] };
    readonly up: Upstream;
}

/**
 * The `security` role, run in the security tooling account as delegated administrator:
 * organisation trail and CIS alarms, GuardDuty, Security Hub, Config aggregator and conformance
 * packs, Inspector, Macie, Detective, Access Analyzer, and the central event bus with alerting.
 * A table of contents of named steps (config → providers → components → exports); everything is O(regions).
 */
export function runSecurityStack(ctx: RoleContext<Model>): RoleOutputs {
    const c = contextOf(ctx);
    // Alerting first: the CIS alarms notify its severity topics.
    const events = buildSecurityEvents(ctx);
    const trail = trailTier(c, events.topicArns);
    const findings = findingsServices(c);
    const config = configTier(c);
    const investigator = investigatorRole(c);
    const integrity = integrityTier(ctx, {
        archiveBucketName: c.up.archiveBucket,
        archiveBucketArn: c.up.archiveBucketArn,
        archiveKeyArn: c.up.archiveKeyArn,
        prefixes: c.up.prefixes,
        organizationId: c.up.organizationId,
        highTopicArn: events.topicArns.high,
        routeRuleName: (id) => routeRuleName(alertingScope(ctx.model), id),
    });
    const response = responseTier(ctx, { organizationId: c.up.organizationId, highTopicArn: events.topicArns.high });
    const insights = insightsTier(ctx, findings.securityHub);
    const outputs: RoleOutputs = {
        accountId: c.model.account.id,
        investigatorRoleArn: investigator.roleArn,
        ...trail.outputs,
        ...findings.outputs,
        configAggregatorArn: config.aggregator.aggregatorArn,
        conformancePackArns: config.conformance?.packArns,
        integrityValidation: integrity ? { functionArn: integrity.functionArn, scheduleArn: integrity.scheduleArn, failedAlarmArn: integrity.failedAlarmArn, missingAlarmArn: integrity.missingAlarmArn } : undefined,
        securityHubInsightArns: insights?.insightArns,
        responsePlaybooks: response
            ? Object.fromEntries(Object.entries(response.playbooks).map(([id, p]) => [id, { functionArn: p!.functionArn, roleArn: p!.roleArn, ruleArns: p!.ruleArns }]))
            : undefined,
        responseDedupTableArn: response?.table.tableArn,
        ...events.outputs,
    };
    // A switched-off service exports nothing rather than an undefined output.
    return Object.fromEntries(Object.entries(outputs).filter(([, v]) => v !== undefined));
}

function contextOf(ctx: RoleContext<Model>): Context {
    const { org } = ctx.model;
    const archive = new pulumi.StackReference("security-archive-outputs", { name: stackReferenceName(org, "log-archive") });
    const management = new pulumi.StackReference("security-management-outputs", { name: stackReferenceName(org, "management") });
    return {
        ...ctx,
        opts: { provider: ctx.provider },
        up: {
            management,
            archive,
            archiveBucket: archive.requireOutput("archiveBucketName") as pulumi.Output<string>,
            archiveBucketArn: archive.requireOutput("archiveBucketArn") as pulumi.Output<string>,
            archiveKeyArn: archive.requireOutput("archiveKeyArn") as pulumi.Output<string>,
            prefixes: archive.requireOutput("archivePrefixes") as pulumi.Output<ArchivePrefixes>,
            organizationId: org.organizationId === "create" ? (management.requireOutput("organizationId") as pulumi.Output<string>) : pulumi.output(org.organizationId),
        },
    };
}

/** The organisation trail into the archive, its CIS and landing-zone alarms, and the watch on its silence. */
function trailTier(c: Context, topicArns: Readonly<Record<Severity, pulumi.Output<string>>>) {
    const { org, account, settings } = c.model;
    const home = org.homeRegion;
    const logGroupName = orgTrailLogGroupName(org);
    const trail = new OrganizationTrail(
        "org-trail",
        {
            trailName: orgTrailName(org),
            trailArn: orgTrailArn(org),
            logsRoleName: orgTrailLogsRoleName(org),
            bucketName: c.up.archiveBucket,
            s3KeyPrefix: c.up.prefixes.apply((p) => p.cloudTrail || undefined),
            kmsKeyArn: c.up.archiveKeyArn,
            logGroupName,
            logGroupArn: arn(org, "logs", home, account.id, `log-group:${logGroupName}`),
            retentionDays: org.retention.logGroupDays,
            accountRootArn: arn(org, "iam", "", account.id, "root"),
            cloudTrailPrincipal: servicePrincipal(org, "cloudtrail"),
            logsPrincipal: servicePrincipal(org, `logs.${home}`),
            s3ArnPrefix: `arn:${org.partition}:s3:::`,
            // The log-archive stack's own buckets (archive, replica, every staging bucket) by exact name.
            excludedBuckets: c.up.archive.requireOutput("loggingBucketNames") as pulumi.Output<string[]>,
            dataEvents: settings.trail.dataEvents,
            insights: settings.trail.insights,
        },
        c.opts,
    );
    const cis = new CisAlarms("cis", { logGroupName: trail.logGroupName, topicArns, alarmNamePrefix: `${org.namePrefix}-cis` }, c.opts);
    // The landing zone's own trail alarms: break-glass use and exempt-role changes, in every account,
    // the management account included, whether or not its forwarding rules still exist.
    const guardrailAlarms = new CisAlarms(
        "guardrail-alarms",
        {
            logGroupName: trail.logGroupName,
            topicArns,
            alarmNamePrefix: `${org.namePrefix}-trail`,
            namespace: "LandingZone/Guardrails",
            filterNamePrefix: "lz",
            controls: landingZoneTrailControls({ exemptRoleNames: [org.roles.deployment, org.roles.breakGlass], breakGlassRoleName: org.roles.breakGlass }),
        },
        c.opts,
    );
    // The trail going silent: no event at all reaches its log group (a forwarded health alarm, docs/operations.md).
    // AWS/Logs IncomingLogEvents of the group: a metric nobody can write, of a group only CloudTrail may write to.
    const trailSilent = absenceAlarm(
        "trail-silent-alarm",
        {
            name: healthAlarmName(org.namePrefix, "trail-silent"),
            description: `No event from the organisation trail in ${logGroupName} for ${org.health.trailSilentMinutes} minutes: the trail stopped delivering, and the CIS alarms and the archive with it`,
            namespace: "AWS/Logs",
            metricName: "IncomingLogEvents",
            dimensions: { LogGroupName: trail.logGroupName },
            periodSeconds: 300,
            periods: org.health.trailSilentMinutes / 5,
            topicArns: [],
        },
        { ...c.opts, dependsOn: [trail] },
    );
    return {
        outputs: {
            trailArn: trail.trailArn,
            trailLogGroupName: trail.logGroupName,
            trailLogGroupArn: trail.logGroupArn,
            cisAlarmArns: cis.alarmArns,
            guardrailAlarmArns: guardrailAlarms.alarmArns,
            trailSilentAlarmArn: trailSilent.arn,
        },
    };
}

/** The findings services the account administers for the organisation, each as its settings switch it. */
function findingsServices(c: Context) {
    const { org, account, settings } = c.model;
    const home = org.homeRegion;
    const guardDuty = settings.guardDuty.enabled
        ? new GuardDutyOrganization(
              "guardduty",
              {
                  regions: org.regions,
                  findingPublishingFrequency: settings.findingFrequency,
                  adoptDetectorIds: settings.guardDuty.detectorIds,
                  disabledFeatures: disabledGuardDutyFeatures(settings.guardDuty.protections),
                  publishing: { destinationArn: pulumi.interpolate`${c.up.archiveBucketArn}/${c.up.prefixes.apply((p) => p.guardDuty)}`, kmsKeyArn: c.up.archiveKeyArn },
              },
              c.opts,
          )
        : undefined;
    const securityHub = settings.securityHub.enabled
        ? new SecurityHubCentral(
              "securityhub",
              {
                  homeRegion: home,
                  linkedRegions: org.regions.filter((r) => r !== home),
                  accountId: account.id,
                  standardArns: settings.securityHub.standards.map((s) => securityHubStandardArn(org.partition, home, s)),
                  targetId: c.up.management.requireOutput("rootId") as pulumi.Output<string>,
                  policyName: `${org.namePrefix}-standards`,
              },
              c.opts,
          )
        : undefined;
    if (settings.inspector.enabled) new InspectorOrganization("inspector", { regions: org.regions, accountId: account.id }, c.opts);
    if (settings.macie.enabled) {
        new MacieOrganization("macie", { regions: org.regions, accountId: account.id, findingPublishingFrequency: settings.findingFrequency }, c.opts);
    }
    const detective = settings.detective.enabled ? new DetectiveOrganization("detective", { regions: org.regions, adoptGraphArns: settings.detective.graphArns }, c.opts) : undefined;
    const analyzers = settings.accessAnalyzer.enabled
        ? new AccessAnalyzerOrganization("access-analyzer", { regions: org.regions, homeRegion: home, namePrefix: org.namePrefix, unusedAccess: settings.accessAnalyzer.unusedAccess }, c.opts)
        : undefined;
    return {
        securityHub,
        outputs: {
            guardDutyDetectorIds: guardDuty?.detectorIds,
            securityHubAggregatorArn: securityHub?.aggregatorArn,
            detectiveGraphArns: detective?.graphArns,
            accessAnalyzerArns: analyzers?.analyzerArns,
        },
    };
}

/** The organisation's Config aggregator and, when switched on, the logging conformance pack in every region. */
function configTier(c: Context) {
    const { org, account, settings } = c.model;
    const aggregator = new ConfigAggregator(
        "config-aggregator",
        {
            aggregatorName: `${org.namePrefix}-organization`,
            accountId: account.id,
            roleName: configAggregatorRoleName(org),
            configPrincipal: servicePrincipal(org, "config"),
            managedPolicyArn: `arn:${org.partition}:iam::aws:policy/service-role/AWSConfigRoleForOrganizations`,
        },
        c.opts,
    );
    const conformance = settings.orgRules
        ? new LoggingConformancePack(
              "logging-conformance",
              {
                  regions: org.regions,
                  homeRegion: org.homeRegion,
                  packName: `${org.namePrefix}-logging`,
                  logGroupRetentionDays: org.retention.logGroupDays === 0 ? NEVER_EXPIRE_RULE_MINIMUM : org.retention.logGroupDays,
              },
              c.opts,
          )
        : undefined;
    return { aggregator, conformance };
}

/** The investigator role: reads the archive and queries it through the log-archive account's Athena role. */
function investigatorRole(c: Context): InvestigatorRole {
    const { org, account } = c.model;
    return new InvestigatorRole(
        "investigator",
        {
            roleName: org.roles.investigator,
            accountRootArn: arn(org, "iam", "", account.id, "root"),
            archiveBucketArn: c.up.archiveBucketArn,
            archiveKeyArn: c.up.archiveKeyArn,
            resultsBucketArn: pulumi.interpolate`arn:${org.partition}:s3:::${c.up.archive.requireOutput("queryResultsBucketName")}`,
            resultsKeyArn: c.up.archive.requireOutput("queryResultsKeyArn") as pulumi.Output<string>,
            queryRoleArn: c.up.archive.requireOutput("queryRoleArn") as pulumi.Output<string>,
            s3ViaService: servicePrincipal(org, `s3.${org.homeRegion}`),
        },
        c.opts,
    );
}
