import { resourceRule } from "../../lib/rule";
import { LAMBDA_FUNCTION } from "../../lib/types";
import { isUnknown, str } from "../../lib/values";

/** JSON logs carry level and request id as fields, so queries and metric filters can rely on them. */
export const lambdaLogFormat = resourceRule({
    name: "lz-lambda-log-format",
    description: "Lambda functions log in JSON format (loggingConfig.logFormat); advisory.",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: [],
        nist: ["AU-3"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "advisory",
    severity: "low",
    types: LAMBDA_FUNCTION,
    remediation: "Set `loggingConfig: { logFormat: \"JSON\", applicationLogLevel: \"INFO\", systemLogLevel: \"WARN\" }` on the function.",
    check(r, _c, f) {
        const fmt = str(r.get("loggingConfig.logFormat"));
        if (isUnknown(fmt)) f.unknown("loggingConfig.logFormat");
        else if (fmt !== "JSON") f.fail(`Set \`loggingConfig.logFormat: "JSON"\` on this function (it is ${fmt ? `"${fmt}"` : "Text by default"}).`);
    },
});
