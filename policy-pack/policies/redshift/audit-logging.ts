import { stackRule } from "../../lib/rule";
import { REDSHIFT_CLUSTER, REDSHIFT_LOGGING } from "../../lib/types";
import { bool, isSet, isUnknown, list, plain, str, UNKNOWN } from "../../lib/values";

/**
 * Redshift audit logging: inline `logging.enable` on v5/v6 clusters; v7 moved it to the separate
 * aws.redshift.Logging resource (destination S3 with a bucket, or CloudWatch with log types).
 */
export const redshiftAuditLogging = stackRule({
    name: "lz-redshift-audit-logging",
    description: "Redshift clusters have audit logging (inline on v5/v6, aws.redshift.Logging on v7).",
    controls: {
        cis: [],
        securityHub: ["Redshift.4"],
        awsConfig: ["redshift-audit-logging-enabled", "redshift-cluster-configuration-check"],
        nist: ["AU-2", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    subject: REDSHIFT_CLUSTER[0],
    types: [...REDSHIFT_CLUSTER, ...REDSHIFT_LOGGING],
    remediation: "Add `new aws.redshift.Logging(name, { clusterIdentifier: cluster.clusterIdentifier, logDestinationType: \"cloudwatch\", logExports: [\"connectionlog\", \"userlog\", \"useractivitylog\"] })` (v7), or `logging: { enable: true, ... }` on older clusters.",
    check(stack, _c, f) {
        const loggings = stack.ofType(REDSHIFT_LOGGING);
        const undecided = loggings.some((l) => plain(l.props.clusterIdentifier) === UNKNOWN && !l.propertyDependencies.clusterIdentifier?.length);
        for (const c of stack.ofType(REDSHIFT_CLUSTER)) {
            const inline = bool(c.get("logging.enable"));
            if (inline === true) continue;
            let unknown = isUnknown(inline) || undecided;
            let ok = false;
            for (const l of stack.linked(c, REDSHIFT_LOGGING, "clusterIdentifier", ["clusterIdentifier"])) {
                const type = str(l.get("logDestinationType"));
                if (isUnknown(type)) unknown = true;
                else if (type === "cloudwatch") {
                    const exportsList = list(l.props.logExports);
                    if (isUnknown(exportsList)) unknown = true;
                    else if (exportsList.length) ok = true;
                } else if (isSet(l.props.bucketName)) ok = true;
            }
            if (ok) continue;
            if (unknown) f.unknown(c, `audit logging of cluster ${c.name}`);
            else f.fail(c, `Turn on audit logging for Redshift cluster ${c.name}: add an aws.redshift.Logging with \`clusterIdentifier\` of this cluster and a destination (S3 bucket or CloudWatch log exports).`);
        }
    },
});
