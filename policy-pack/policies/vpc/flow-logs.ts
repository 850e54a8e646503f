import { stackRule } from "../../lib/rule";
import { FLOW_LOG, VPC } from "../../lib/types";
import { plain, UNKNOWN } from "../../lib/values";

/** Flow logs are the only record of network traffic in and out of a VPC. */
export const vpcFlowLogs = stackRule({
    name: "lz-vpc-flow-logs",
    description: "Every VPC in the stack has a flow log attached (aws.ec2.FlowLog with vpcId referring to it).",
    controls: {
        cis: ["3.7"],
        securityHub: ["EC2.6"],
        awsConfig: ["vpc-flow-logs-enabled"],
        nist: ["AU-12", "SI-4"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    subject: VPC[0],
    types: [...VPC, ...FLOW_LOG],
    remediation: "Add `new aws.ec2.FlowLog(name, { vpcId: vpc.id, trafficType: \"ALL\", logDestinationType: \"s3\", logDestination: <archive bucket ARN> })`.",
    check(stack, _c, f) {
        const flowLogs = stack.ofType(FLOW_LOG);
        const undecided = flowLogs.some((l) => plain(l.props.vpcId) === UNKNOWN && !l.propertyDependencies.vpcId?.length);
        for (const vpc of stack.ofType(VPC)) {
            if (stack.linked(vpc, FLOW_LOG, "vpcId", ["id"]).length) continue;
            if (undecided) f.unknown(vpc, `which VPC each flow log belongs to (vpcId)`);
            else f.fail(vpc, `Attach a flow log to VPC ${vpc.name}: add an aws.ec2.FlowLog with \`vpcId: ${vpc.name}.id\` and \`trafficType: "ALL"\`.`);
        }
    },
});
