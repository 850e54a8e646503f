import { resourceRule } from "../../lib/rule";
import { FLOW_LOG } from "../../lib/types";
import { isUnknown, str } from "../../lib/values";

/** Logging only ACCEPT or only REJECT hides half of what an investigation needs. */
export const vpcFlowLogTrafficAll = resourceRule({
    name: "lz-vpc-flow-log-traffic-all",
    description: "Flow logs capture all traffic (trafficType ALL), accepted and rejected.",
    controls: {
        cis: ["3.7"],
        securityHub: ["EC2.6"],
        awsConfig: ["vpc-flow-logs-enabled"],
        nist: ["AU-12", "SI-4"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: FLOW_LOG,
    remediation: "Set `trafficType: \"ALL\"` on the flow log.",
    check(r, _c, f) {
        const t = str(r.get("trafficType"));
        if (isUnknown(t)) f.unknown("trafficType");
        else if (t !== "ALL") f.fail(`Set \`trafficType: "ALL"\` on this flow log (it is ${t ? `"${t}"` : "not set"}).`);
    },
});
