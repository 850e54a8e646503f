import { stackRule } from "../../lib/rule";
import { APIGW_METHOD_SETTINGS, APIGW_STAGE } from "../../lib/types";
import { isUnknown, plain, str, UNKNOWN } from "../../lib/values";

const LEVELS = ["ERROR", "INFO"];

/** REST API execution logging is set per stage through MethodSettings for `*\/*`. */
export const apigatewayExecutionLogging = stackRule({
    name: "lz-apigateway-execution-logging",
    description: "API Gateway REST API stages have execution logging (MethodSettings for */* with loggingLevel ERROR or INFO).",
    controls: {
        cis: [],
        securityHub: ["APIGateway.1"],
        awsConfig: ["api-gw-execution-logging-enabled"],
        nist: ["AU-2", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    subject: APIGW_STAGE[0],
    types: [...APIGW_STAGE, ...APIGW_METHOD_SETTINGS],
    remediation: "Add `new aws.apigateway.MethodSettings(name, { restApi, stageName: stage.stageName, methodPath: \"*/*\", settings: { loggingLevel: \"ERROR\", metricsEnabled: true } })`.",
    check(stack, _c, f) {
        const settings = stack.ofType(APIGW_METHOD_SETTINGS);
        for (const stage of stack.ofType(APIGW_STAGE)) {
            const mine = stack.linked(stage, APIGW_METHOD_SETTINGS, "stageName", ["stageName"]);
            let unknown = settings.some((m) => plain(m.props.stageName) === UNKNOWN && !m.propertyDependencies.stageName?.length);
            let ok = false;
            for (const m of mine) {
                const path = str(m.get("methodPath"));
                const level = str(m.get("settings.loggingLevel"));
                if (isUnknown(path) || isUnknown(level)) unknown = true;
                else if (path === "*/*" && level && LEVELS.includes(level)) ok = true;
            }
            if (ok) continue;
            if (unknown) f.unknown(stage, `the execution logging settings of stage ${stage.name}`);
            else f.fail(stage, `Turn on execution logging for stage ${stage.name}: add aws.apigateway.MethodSettings with \`methodPath: "*/*"\` and \`settings.loggingLevel: "ERROR"\` (or "INFO").`);
        }
    },
});
