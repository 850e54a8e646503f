import { stackRule, type Res } from "../../lib/rule";
import { APIGW_METHOD_SETTINGS, APIGW_STAGE } from "../../lib/types";
import { isUnknown, plain, str, UNKNOWN, type Unknown } from "../../lib/values";

const LEVELS = ["ERROR", "INFO"];

/**
 * Whether MethodSettings `m` belongs to the REST API of `stage`: both built from the same RestApi
 * (property dependencies), or the same literal id. Stage names repeat across APIs (`prod`), so a
 * stage name alone never decides.
 */
function sameApi(m: Res, stage: Res): boolean | Unknown {
    const mDeps = m.propertyDependencies.restApi ?? [];
    const sDeps = stage.propertyDependencies.restApi ?? [];
    if (mDeps.length && sDeps.length) return mDeps.some((u) => sDeps.includes(u));
    const mId = plain(m.props.restApi);
    const sId = plain(stage.props.restApi);
    if (mId === UNKNOWN || sId === UNKNOWN) return UNKNOWN;
    return typeof mId === "string" && mId !== "" && mId === sId;
}

/** REST API execution logging is set per stage through MethodSettings for `*\/*`. */
export const apigatewayExecutionLogging = stackRule({
    name: "lz-apigateway-execution-logging",
    description: "API Gateway REST API stages have execution logging (MethodSettings for */* with loggingLevel ERROR or INFO), matched to the stage by REST API and stage name.",
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
    remediation: "Add `new aws.apigateway.MethodSettings(name, { restApi: api.id, stageName: stage.stageName, methodPath: \"*/*\", settings: { loggingLevel: \"ERROR\", metricsEnabled: true } })`.",
    check(stack, _c, f) {
        const settings = stack.ofType(APIGW_METHOD_SETTINGS);
        for (const stage of stack.ofType(APIGW_STAGE)) {
            let unknown = settings.some((m) => plain(m.props.stageName) === UNKNOWN && !m.propertyDependencies.stageName?.length);
            let ok = false;
            for (const m of stack.linked(stage, APIGW_METHOD_SETTINGS, "stageName", ["stageName"])) {
                // Built from this stage's own output, the settings are this stage's; a name alone may be another API's.
                const own = (m.propertyDependencies.stageName ?? []).includes(stage.urn);
                const api = own || sameApi(m, stage);
                if (api === false) continue;
                const path = str(m.get("methodPath"));
                const level = str(m.get("settings.loggingLevel"));
                if (isUnknown(api) || isUnknown(path) || isUnknown(level)) unknown = true;
                else if (path === "*/*" && level && LEVELS.includes(level)) ok = true;
            }
            if (ok) continue;
            if (unknown) f.unknown(stage, `the execution logging settings of stage ${stage.name}`);
            else f.fail(stage, `Turn on execution logging for stage ${stage.name}: add aws.apigateway.MethodSettings for the same REST API and stage with \`methodPath: "*/*"\` and \`settings.loggingLevel: "ERROR"\` (or "INFO").`);
        }
    },
});
