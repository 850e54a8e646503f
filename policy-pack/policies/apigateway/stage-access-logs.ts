import { resourceRule } from "../../lib/rule";
import { APIGW_STAGE } from "../../lib/types";
import { isSet, isUnknown, plain } from "../../lib/values";

/** Access logs record who called which route; execution logs alone do not. */
export const apigatewayStageAccessLogs = resourceRule({
    name: "lz-apigateway-stage-access-logs",
    description: "API Gateway REST API stages write access logs (accessLogSettings with a destination and a format).",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: [],
        nist: ["AU-2", "AU-3", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: APIGW_STAGE,
    remediation: "Set `accessLogSettings: { destinationArn: <log group ARN>, format: <JSON format with $context.requestId, identity, status> }` on the stage.",
    check(r, _c, f) {
        const s = plain(r.props.accessLogSettings);
        if (isUnknown(s)) return f.unknown("accessLogSettings");
        const missing = ["destinationArn", "format"].filter((k) => !isSet(r.get(`accessLogSettings.${k}`)));
        if (missing.length) f.fail(`Set ${missing.map((k) => `\`accessLogSettings.${k}\``).join(" and ")} on this stage to write access logs.`);
    },
});
