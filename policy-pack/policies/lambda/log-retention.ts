import { stackRule } from "../../lib/rule";
import { LAMBDA_FUNCTION, LOG_GROUP } from "../../lib/types";
import { isUnknown, str } from "../../lib/values";

/**
 * One retention policy for every log group, whoever creates it: lz-cloudwatch-log-group-retention
 * (Security Hub CloudWatch.16) judges the groups a stack creates, and "never expire" complies. The
 * group Lambda creates on first invocation (`/aws/lambda/<name>`) never expires, so it complies
 * too; what the program gives up by leaving it to Lambda is the choice of retention, key and
 * subscription. That is worth a hint, not a mandatory finding: no control asks for it.
 */
export const lambdaLogRetention = stackRule({
    name: "lz-lambda-log-retention",
    description: "Lambda functions write to a log group the stack manages (loggingConfig.logGroup, or a LogGroup named /aws/lambda/<function>), so its retention and key are chosen rather than left to Lambda's never-expiring default; advisory.",
    controls: {
        cis: [],
        securityHub: ["CloudWatch.16"],
        awsConfig: ["cw-loggroup-retention-period-check"],
        nist: ["AU-11"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "advisory",
    severity: "low",
    subject: LAMBDA_FUNCTION[0],
    types: [...LAMBDA_FUNCTION, ...LOG_GROUP],
    follows: {
        control: "Security Hub CloudWatch.16, through lz-cloudwatch-log-group-retention",
        page: "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html",
        note: "CloudWatch.16 (AWS Config cw-loggroup-retention-period-check) fails a log group kept less than the floor (365 days by default) and passes one that never expires. A function's group that the stack creates is judged by lz-cloudwatch-log-group-retention like any other; the group Lambda creates itself never expires and complies. This rule only points at functions whose group the program leaves to Lambda, so it is advisory.",
    },
    remediation: "Create `new aws.cloudwatch.LogGroup(name, { name: pulumi.interpolate`/aws/lambda/${fn.name}`, retentionInDays })` or set `loggingConfig: { logGroup: logGroup.name, logFormat: \"JSON\" }` on the function.",
    check(stack, _c, f) {
        const groups = stack.ofType(LOG_GROUP);
        const groupUrns = new Set(groups.map((g) => g.urn));
        const groupNames = new Set(groups.map((g) => g.get("name")).filter((n): n is string => typeof n === "string"));
        for (const fn of stack.ofType(LAMBDA_FUNCTION)) {
            const custom = str(fn.get("loggingConfig.logGroup"));
            if ((fn.propertyDependencies.loggingConfig ?? []).some((u) => groupUrns.has(u))) continue;
            if (isUnknown(custom)) {
                f.unknown(fn, `loggingConfig.logGroup of function ${fn.name}`);
                continue;
            }
            const name = str(fn.get("name"));
            const wanted = custom ?? (typeof name === "string" ? `/aws/lambda/${name}` : undefined);
            const managed =
                (wanted !== undefined && groupNames.has(wanted)) ||
                stack.linked(fn, LOG_GROUP, "name").length > 0 ||
                stack.dependents(fn).some((g) => groupUrns.has(g.urn) && isUnknown(str(g.get("name"))));
            if (managed) continue;
            // A group named in loggingConfig and created elsewhere is judged where it is created.
            if (custom !== undefined && (typeof name !== "string" || custom !== `/aws/lambda/${name}`)) continue;
            const group = wanted ?? "/aws/lambda/<function name>";
            f.fail(fn, `Lambda will create the log group of function ${fn.name} (${group}) on first invocation, kept forever (which the retention policy accepts) with no retention or key of your choosing: to choose them, add an aws.cloudwatch.LogGroup named ${group} with retentionInDays (or point \`loggingConfig.logGroup\` at one this stack creates).`);
        }
    },
});
