import { resourceRule } from "../../lib/rule";
import { EKS_CLUSTER } from "../../lib/types";
import { isUnknown, list } from "../../lib/values";

/** The Kubernetes audit log is the only record of who did what inside the cluster. */
export const eksControlPlaneLogs = resourceRule({
    name: "lz-eks-control-plane-logs",
    description: "EKS clusters send the required control-plane log types (default api, audit, authenticator) to CloudWatch Logs.",
    controls: {
        cis: [],
        securityHub: ["EKS.8"],
        awsConfig: ["eks-cluster-logging-enabled"],
        nist: ["AU-2", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: EKS_CLUSTER,
    config: {
        requiredLogTypes: {
            type: "array",
            items: { type: "string", enum: ["api", "audit", "authenticator", "controllerManager", "scheduler"] },
            default: ["api", "audit", "authenticator"],
            description: "Control-plane log types that must be enabled.",
        },
    },
    remediation: "Set `enabledClusterLogTypes` to include api, audit and authenticator (all five for full coverage).",
    check(r, config, f) {
        const have = list(r.props.enabledClusterLogTypes);
        if (isUnknown(have)) return f.unknown("enabledClusterLogTypes");
        const required = Array.isArray(config.requiredLogTypes) ? (config.requiredLogTypes as string[]) : [];
        const missing = required.filter((t) => !have.includes(t));
        if (missing.length) f.fail(`Add ${missing.map((m) => `"${m}"`).join(", ")} to \`enabledClusterLogTypes\` on this cluster.`);
    },
});
