import * as assert from "assert";
import { resolveIntegrityValidationJobArgs, type IntegrityValidationJobArgs } from "../../../../infra/components/integrity/integrity-validation-job";
import { errorMessage } from "../../../support/errors";

const doc = { Version: "2012-10-17" as const, Statement: [{ Sid: "X", Effect: "Allow" as const, Action: "sts:AssumeRole" }] };
const ARGS: IntegrityValidationJobArgs = {
    name: "acme-lz-log-integrity",
    config: { bucket: "b", trail: { keyPrefix: "", organizationId: "o-exampleorg1", trailName: "t", homeRegion: "us-east-1" }, accounts: ["444444444444"], regions: ["us-east-1"], eventBusArn: "arn:aws:events:us-east-1:333333333333:event-bus/x" },
    trustPolicy: doc,
    permissionsPolicy: doc,
    scheduleTrustPolicy: doc,
    logGroupName: "/acme-lz/log-integrity",
    logRetentionDays: 365,
    alarmTopicArn: "arn:aws:sns:us-east-1:333333333333:acme-lz-security-high",
    busName: "acme-lz-security-events",
    passedRuleName: "acme-lz-route-integrity-passed",
    exemptRoleArns: [],
    scheduleRoleArn: "arn:aws:iam::333333333333:role/acme-lz-log-integrity-schedule",
};

describe("IntegrityValidationJob arguments", () => {
    it("runs at 03:00 UTC and pages after 30 hours without a passing run by default", () => {
        const r = resolveIntegrityValidationJobArgs("job", ARGS);
        assert.deepStrictEqual([r.hourUtc, r.missingAfterHours, r.memoryMb], [3, 30, 1024]);
    });

    it("reports every bad argument at once: a run before the day's last digests arrive, an evidence window of a day or less or beyond what an alarm sees, a name too long for the schedule's role", () => {
        assert.strictEqual(
            errorMessage(() => resolveIntegrityValidationJobArgs("job", { ...ARGS, name: "x".repeat(56), hourUtc: 1, missingAfterHours: 24 })),
            [
                "IntegrityValidationJob job:",
                `  name: "${"x".repeat(56)}" must be 1-55 characters of letters, digits and . - _ (the schedule's role adds "-schedule")`,
                "  hourUtc: 1 must be a whole hour from 2 to 23: CloudTrail delivers a day's last digests within the hour after it ends",
                "  missingAfterHours: 24 must be a whole number of hours from 25 (more than a day between two runs) to 168 (7 days, the longest a CloudWatch alarm looks back)",
            ].join("\n"),
        );
        assert.match(errorMessage(() => resolveIntegrityValidationJobArgs("job", { ...ARGS, missingAfterHours: 169 })), /missingAfterHours: 169 must be/);
    });
});
