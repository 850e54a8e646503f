import { resourceRule } from "../../lib/rule";
import { SSM_DOCUMENT } from "../../lib/types";
import { get, isSet, isUnknown, json, str } from "../../lib/values";

/** The Session Manager preferences document of an account and region (AWS's own name for it). */
const PREFERENCES = "SSM-SessionManagerRunShell";

/**
 * Session Manager keeps no record of what was typed in a shell session unless the session
 * preferences (the `SSM-SessionManagerRunShell` document, or a Standard_Stream session document a
 * user starts sessions with) name an S3 bucket or a CloudWatch Logs group.
 */
export const ssmSessionLogging = resourceRule({
    name: "lz-ssm-session-logging",
    description: "Session Manager preferences documents (SSM-SessionManagerRunShell and other Standard_Stream session documents) send session logs to S3 or CloudWatch Logs.",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: [],
        nist: ["AU-2", "AU-3", "AU-12", "AU-14"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "high",
    types: SSM_DOCUMENT,
    follows: {
        control: "AWS Systems Manager User Guide, \"Logging session activity\" and the Session document schema (no Security Hub, Config or CIS control)",
        page: "https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-schema.html",
        note: "Session output is logged when the preferences' inputs name s3BucketName or cloudWatchLogGroupName; either satisfies the rule. Checkov's CKV_AWS_113 also asks for encryption of those logs: that is encryption, outside this pack's scope. Port and command sessions do not take session preferences, so only Standard_Stream documents are judged.",
    },
    remediation: "Create `new aws.ssm.Document(\"session-preferences\", { name: \"SSM-SessionManagerRunShell\", documentType: \"Session\", documentFormat: \"JSON\", content: JSON.stringify({ schemaVersion: \"1.0\", sessionType: \"Standard_Stream\", inputs: { cloudWatchLogGroupName: <log group>, cloudWatchStreamingEnabled: true, s3BucketName: <bucket> } }) })`.",
    check(r, _c, f) {
        const type = str(r.get("documentType"));
        if (isUnknown(type)) return f.unknown("documentType");
        if (type !== "Session") return;
        const name = str(r.get("name"));
        const label = name === PREFERENCES ? `the Session Manager preferences (${PREFERENCES})` : "this session document";
        const format = str(r.get("documentFormat"));
        if (isUnknown(format)) return f.unknown("documentFormat");
        if (format !== undefined && format.toUpperCase() !== "JSON") {
            return f.advise(`Cannot judge ${label}: its content is ${format}, and the pack reads JSON session documents only. Write it as JSON (\`documentFormat: "JSON"\`) or make sure its inputs name s3BucketName or cloudWatchLogGroupName.`);
        }
        const doc = json(r.props.content);
        if (isUnknown(doc)) return f.unknown("content");
        const session = str(get(doc, "sessionType"));
        if (isUnknown(session)) return f.unknown("content.sessionType");
        if (session !== "Standard_Stream") return;
        const targets = ["s3BucketName", "cloudWatchLogGroupName"].map((k) => get(doc, `inputs.${k}`));
        if (targets.some((t) => isSet(t) && !isUnknown(t))) return;
        if (targets.some(isUnknown)) return f.unknown("content.inputs");
        f.fail(`Log the sessions ${label} governs: set \`inputs.cloudWatchLogGroupName\` (with \`cloudWatchStreamingEnabled: true\`) or \`inputs.s3BucketName\` in its content; without them nobody can tell what was run in a session.`);
    },
});
