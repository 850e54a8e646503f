import { resourceRule } from "../../lib/rule";
import { GLOBAL_ACCELERATOR } from "../../lib/types";
import { bool, isSet, isUnknown, plain } from "../../lib/values";

/** Flow logs are the only record of which clients reached the endpoints behind an accelerator. */
export const globalacceleratorFlowLogs = resourceRule({
    name: "lz-globalaccelerator-flow-logs",
    description: "Global Accelerator accelerators (standard and custom routing) write flow logs to S3.",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: [],
        nist: ["AU-2", "AU-3", "AU-12", "SI-4"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: GLOBAL_ACCELERATOR,
    follows: {
        control: "AWS Global Accelerator Developer Guide, \"Flow logs in AWS Global Accelerator\" (no Security Hub, Config or CIS control; Checkov CKV_AWS_75)",
        page: "https://docs.aws.amazon.com/global-accelerator/latest/dg/monitoring-global-accelerator.flow-logs.html",
        note: "Flow logs are off by default; turning them on needs the bucket (and a prefix) they go to, so the rule requires flowLogsEnabled with flowLogsS3Bucket, as the API does.",
    },
    remediation: "Set `attributes: { flowLogsEnabled: true, flowLogsS3Bucket: <bucket>, flowLogsS3Prefix: \"global-accelerator/\" }` on the accelerator.",
    check(r, _c, f) {
        const attrs = plain(r.props.attributes);
        if (isUnknown(attrs)) return f.unknown("attributes");
        const enabled = bool(r.get("attributes.flowLogsEnabled"));
        if (isUnknown(enabled)) return f.unknown("attributes.flowLogsEnabled");
        if (enabled !== true) return f.fail("Turn on flow logs for this accelerator: set `attributes: { flowLogsEnabled: true, flowLogsS3Bucket, flowLogsS3Prefix }`.");
        if (!isSet(r.get("attributes.flowLogsS3Bucket"))) f.fail("Set `attributes.flowLogsS3Bucket` to the bucket this accelerator's flow logs go to.");
    },
});
