import { accessAnalyzer } from "./rules/access-analyzer";
import { accessLogStaging } from "./rules/access-log-staging";
import { athenaQueries } from "./rules/athena-queries";
import { centralEvents } from "./rules/central-events";
import { cloudTrail } from "./rules/cloudtrail";
import { cloudWatchAlarms } from "./rules/cloudwatch-alarms";
import { configRecording } from "./rules/config-recording";
import { configRules } from "./rules/config-rules";
import { detective } from "./rules/detective";
import { eventForwarding } from "./rules/event-forwarding";
import { functionsAndTables } from "./rules/functions-and-tables";
import { guardDuty } from "./rules/guardduty";
import { inspector } from "./rules/inspector";
import { kmsKeys } from "./rules/kms-keys";
import { logSubscription } from "./rules/log-subscription";
import { macie } from "./rules/macie";
import type { PricingRule } from "./rules/pricing-rule";
import { securityHub } from "./rules/security-hub";

/** Every pricing rule, in the order their lines are listed. */
export const PRICING_RULES: readonly PricingRule[] = [
    configRecording,
    configRules,
    cloudTrail,
    guardDuty,
    securityHub,
    inspector,
    macie,
    detective,
    accessAnalyzer,
    logSubscription,
    accessLogStaging,
    eventForwarding,
    centralEvents,
    cloudWatchAlarms,
    kmsKeys,
    athenaQueries,
    functionsAndTables,
];
