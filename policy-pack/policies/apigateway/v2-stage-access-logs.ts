import { resourceRule } from "../../lib/rule";
import { APIGWV2_STAGE } from "../../lib/types";
import { isSet, isUnknown, plain } from "../../lib/values";

export const apigatewayV2StageAccessLogs = resourceRule({
    name: "lz-apigateway-v2-stage-access-logs",
    description: "API Gateway v2 (HTTP and WebSocket) stages write access logs.",
    controls: {
        cis: [],
        securityHub: ["APIGateway.9"],
        awsConfig: ["api-gwv2-access-logs-enabled"],
        nist: ["AU-2", "AU-3", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: APIGWV2_STAGE,
    remediation: "Set `accessLogSettings: { destinationArn: <log group ARN>, format: <JSON format> }` on the stage.",
    check(r, _c, f) {
        const s = plain(r.props.accessLogSettings);
        if (isUnknown(s)) return f.unknown("accessLogSettings");
        const missing = ["destinationArn", "format"].filter((k) => !isSet(r.get(`accessLogSettings.${k}`)));
        if (missing.length) f.fail(`Set ${missing.map((k) => `\`accessLogSettings.${k}\``).join(" and ")} on this stage to write access logs.`);
    },
});
