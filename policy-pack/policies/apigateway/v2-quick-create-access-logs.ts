import { resourceRule } from "../../lib/rule";
import { APIGWV2_API } from "../../lib/types";
import { isSet, isUnknown, plain } from "../../lib/values";

/**
 * Quick create (`target`, with an optional `routeKey`) makes API Gateway create the integration, the
 * catch-all route and an auto-deploying `$default` stage itself. That stage writes no access logs,
 * and no `aws.apigatewayv2.Stage` of the program stands for it, so lz-apigateway-v2-stage-access-logs
 * never sees it: the API is where it is flagged.
 */
export const apigatewayV2QuickCreateAccessLogs = resourceRule({
    name: "lz-apigateway-v2-quick-create-access-logs",
    description: "API Gateway v2 APIs are not made with quick create (`target`), whose automatic $default stage writes no access logs.",
    controls: {
        cis: [],
        securityHub: ["APIGateway.9"],
        awsConfig: ["api-gwv2-access-logs-enabled"],
        nist: ["AU-2", "AU-3", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: APIGWV2_API,
    follows: {
        control: "Security Hub APIGateway.9",
        page: "https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis.html",
        note: "APIGateway.9 (AWS Config api-gwv2-access-logs-enabled) fails the $default stage quick create makes, as it has no access log settings; the API reference (CreateApi, `target`) documents that quick create produces an integration, a catch-all route and that default stage, set to deploy automatically. The program cannot configure the stage, so the rule flags the API that asks for it.",
    },
    remediation: "Remove `target` (and `routeKey`) from the API and create the integration, route and stage yourself: `aws.apigatewayv2.Integration`, `aws.apigatewayv2.Route` and `aws.apigatewayv2.Stage` with `autoDeploy: true` and `accessLogSettings: { destinationArn, format }`.",
    check(r, _c, f) {
        const target = plain(r.props.target);
        if (isUnknown(target)) return f.unknown("target");
        if (!isSet(target)) return;
        f.fail("This API uses quick create (`target`): API Gateway adds a $default stage that writes no access logs and that this program does not manage. Remove `target`/`routeKey` and add an aws.apigatewayv2.Integration, Route and Stage with `accessLogSettings`.");
    },
});
