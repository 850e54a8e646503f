import { stackRule } from "../../lib/rule";
import { ROUTE53_QUERY_LOG, ROUTE53_ZONE } from "../../lib/types";
import { isUnknown, list, plain, UNKNOWN } from "../../lib/values";

/** Public DNS query logs show lookups of your names from the internet (e.g. reconnaissance, takeover). */
export const route53QueryLogging = stackRule({
    name: "lz-route53-query-logging",
    description: "Public Route 53 hosted zones have query logging (aws.route53.QueryLog); private zones are skipped.",
    controls: {
        cis: [],
        securityHub: ["Route53.2"],
        awsConfig: [],
        nist: ["AU-2", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "low",
    subject: ROUTE53_ZONE[0],
    types: [...ROUTE53_ZONE, ...ROUTE53_QUERY_LOG],
    remediation: "Add `new aws.route53.QueryLog(name, { zoneId: zone.zoneId, cloudwatchLogGroupArn: <us-east-1 log group ARN> })` (the log group lives in us-east-1 with a resource policy for route53.amazonaws.com).",
    check(stack, _c, f) {
        const logs = stack.ofType(ROUTE53_QUERY_LOG);
        const undecided = logs.some((l) => plain(l.props.zoneId) === UNKNOWN && !l.propertyDependencies.zoneId?.length);
        for (const z of stack.ofType(ROUTE53_ZONE)) {
            const vpcs = list(z.props.vpcs);
            if (isUnknown(vpcs)) {
                f.unknown(z, `whether zone ${z.name} is private (vpcs)`);
                continue;
            }
            if (vpcs.length) continue;
            if (stack.linked(z, ROUTE53_QUERY_LOG, "zoneId", ["zoneId"]).length) continue;
            if (undecided) f.unknown(z, "which zone each query log belongs to (zoneId)");
            else f.fail(z, `Add an aws.route53.QueryLog with \`zoneId: ${z.name}.zoneId\` for public zone ${z.name}.`);
        }
    },
});
