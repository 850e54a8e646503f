import { resourceRule } from "../../lib/rule";
import { ECS_CLUSTER } from "../../lib/types";
import { isSet, isUnknown, plain, str } from "../../lib/values";

/** ECS Exec opens a shell in a running container: the session is the evidence of what was done there. */
export const ecsExecLogging = resourceRule({
    name: "lz-ecs-exec-logging",
    description: "ECS clusters do not turn ECS Exec session logging off (executeCommandConfiguration.logging is DEFAULT, or OVERRIDE with a CloudWatch Logs group or S3 bucket).",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: [],
        nist: ["AU-2", "AU-3", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: ECS_CLUSTER,
    follows: {
        control: "Amazon ECS Developer Guide, ECS Exec logging (no Security Hub, Config or CIS control; Checkov CKV_AWS_223)",
        page: "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-cluster-executecommandconfiguration.html",
        note: "Logging NONE records nothing. DEFAULT (also what an absent setting means) sends session output to the awslogs configuration of the task definition, which lz-ecs-task-log-driver requires; OVERRIDE sends it to the logConfiguration's log group or bucket, so one of them must be named. Checkov CKV_AWS_223 likewise fails only NONE.",
    },
    remediation: "Remove `logging: \"NONE\"` from `configuration.executeCommandConfiguration` (DEFAULT logs through the task's awslogs driver), or set `logging: \"OVERRIDE\"` with `logConfiguration: { cloudWatchLogGroupName }` (or `s3BucketName`).",
    check(r, _c, f) {
        const logging = str(r.get("configuration.executeCommandConfiguration.logging"));
        if (isUnknown(logging)) return f.unknown("configuration.executeCommandConfiguration.logging");
        const mode = (logging ?? "DEFAULT").toUpperCase();
        if (mode === "NONE") {
            return f.fail("ECS Exec sessions on this cluster are not logged (`executeCommandConfiguration.logging: \"NONE\"`): use \"DEFAULT\" (the task definition's awslogs driver) or \"OVERRIDE\" with `logConfiguration.cloudWatchLogGroupName` or `s3BucketName`.");
        }
        if (mode !== "OVERRIDE") return;
        const cfg = plain(r.get("configuration.executeCommandConfiguration.logConfiguration"));
        if (isUnknown(cfg)) return f.unknown("configuration.executeCommandConfiguration.logConfiguration");
        const named = ["cloudWatchLogGroupName", "s3BucketName"].map((k) => r.get(`configuration.executeCommandConfiguration.logConfiguration.${k}`));
        if (!named.some(isSet)) f.fail("`executeCommandConfiguration.logging` is \"OVERRIDE\" but `logConfiguration` names no destination: set `cloudWatchLogGroupName` or `s3BucketName`.");
    },
});
