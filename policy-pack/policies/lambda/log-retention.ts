import { stackRule } from "../../lib/rule";
import { LAMBDA_FUNCTION, LOG_GROUP } from "../../lib/types";
import { isUnknown, str } from "../../lib/values";

/**
 * Lambda creates `/aws/lambda/<name>` on first invocation with no retention and no key, outside the
 * program. The stack must own the function's log group, so the retention and KMS rules can judge it.
 */
export const lambdaLogRetention = stackRule({
    name: "lz-lambda-log-retention",
    description: "Every Lambda function writes to a log group the stack manages (loggingConfig.logGroup, or a LogGroup named /aws/lambda/<function>), so retention is set rather than never configured.",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: ["cw-loggroup-retention-period-check"],
        nist: ["AU-11", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "low",
    subject: LAMBDA_FUNCTION[0],
    types: [...LAMBDA_FUNCTION, ...LOG_GROUP],
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
            f.fail(fn, `Manage the log group of function ${fn.name}: add an aws.cloudwatch.LogGroup named ${wanted ?? `/aws/lambda/<function name>`} with retentionInDays (or point \`loggingConfig.logGroup\` at one this stack creates).`);
        }
    },
});
