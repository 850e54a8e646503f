/**
 * Case tables of the service rules: ECS Exec and Container Insights, AppSync, MWAA, Global
 * Accelerator, Session Manager, API Gateway v2 quick create, X-Ray tracing.
 */
import * as T from "../../policy-pack/lib/types";
import { one, UNKNOWN, type Case } from "./support";

const MODULES = ["dagProcessingLogs", "schedulerLogs", "taskLogs", "webserverLogs", "workerLogs"];
const allModules = (level: string) => Object.fromEntries(MODULES.map((m) => [m, { enabled: true, logLevel: level }]));

const session = (inputs: Record<string, unknown>, sessionType = "Standard_Stream") => JSON.stringify({ schemaVersion: "1.0", description: "Session Manager preferences", sessionType, inputs });

export const SERVICE_CASES: Record<string, Case> = {
    "lz-ecs-exec-logging": {
        // No setting means DEFAULT: sessions go to the task definition's awslogs driver.
        compliant: (t) => [
            ...one(t, { name: "default-logging" }, "default-logging"),
            ...one(t, { name: "override", configuration: { executeCommandConfiguration: { logging: "OVERRIDE", logConfiguration: { cloudWatchLogGroupName: "/ecs/exec" } } } }, "override"),
        ],
        violating: (t) => [
            ...one(t, { name: "silent", configuration: { executeCommandConfiguration: { logging: "NONE" } } }, "silent"),
            ...one(t, { name: "nowhere", configuration: { executeCommandConfiguration: { logging: "OVERRIDE", logConfiguration: { cloudWatchEncryptionEnabled: true } } } }, "nowhere"),
        ],
        unknown: (t) => one(t, { name: "c", configuration: { executeCommandConfiguration: { logging: UNKNOWN } } }),
        says: /ECS Exec sessions on this cluster are not logged/,
    },
    "lz-ecs-container-insights": {
        compliant: (t) => [...one(t, { settings: [{ name: "containerInsights", value: "enhanced" }] }, "a"), ...one(t, { settings: [{ name: "containerInsights", value: "enabled" }] }, "b")],
        violating: (t) => one(t, { settings: [{ name: "containerInsights", value: "disabled" }] }),
        unknown: (t) => one(t, { settings: UNKNOWN }),
        says: /Turn on Container Insights for this cluster/,
    },
    "lz-appsync-logging": {
        compliant: (t) => one(t, { name: "api", authenticationType: "AWS_IAM", logConfig: { cloudwatchLogsRoleArn: "arn:aws:iam::111111111111:role/appsync-logs", fieldLogLevel: "ERROR", excludeVerboseContent: true } }),
        violating: (t) => [...one(t, { name: "api", authenticationType: "AWS_IAM", logConfig: { cloudwatchLogsRoleArn: "arn:aws:iam::111111111111:role/appsync-logs", fieldLogLevel: "NONE" } }), ...one(t, { name: "bare", authenticationType: "AWS_IAM" }, "bare")],
        unknown: (t) => one(t, { name: "api", authenticationType: "AWS_IAM", logConfig: { cloudwatchLogsRoleArn: "arn:aws:iam::111111111111:role/appsync-logs", fieldLogLevel: UNKNOWN } }),
        says: /Set `logConfig.fieldLogLevel` to "ERROR", "INFO", "DEBUG" or "ALL" \(it is "NONE"\)/,
    },
    "lz-mwaa-logging": {
        compliant: (t) => one(t, { name: "airflow", loggingConfiguration: allModules("INFO") }),
        // Only the scheduler is on, and at ERROR; task logs are on by default when the block is absent.
        violating: (t) => one(t, { name: "airflow", loggingConfiguration: { schedulerLogs: { enabled: true, logLevel: "ERROR" }, webserverLogs: { enabled: false, logLevel: "INFO" } } }),
        unknown: (t) => one(t, { name: "airflow", loggingConfiguration: UNKNOWN }),
        says: /Turn on dagProcessingLogs, webserverLogs, workerLogs of this environment/,
    },
    "lz-globalaccelerator-flow-logs": {
        compliant: (t) => one(t, { name: "edge", attributes: { flowLogsEnabled: true, flowLogsS3Bucket: "org-flow-logs", flowLogsS3Prefix: "ga/" } }),
        violating: (t) => one(t, { name: "edge", ipAddressType: "IPV4" }),
        unknown: (t) => one(t, { name: "edge", attributes: { flowLogsEnabled: UNKNOWN, flowLogsS3Bucket: "org-flow-logs" } }),
        says: /Turn on flow logs for this accelerator/,
    },
    "lz-ssm-session-logging": {
        // Port-forwarding documents take no session preferences; only Standard_Stream ones are judged.
        compliant: (t) => [
            ...one(t, { name: "SSM-SessionManagerRunShell", documentType: "Session", documentFormat: "JSON", content: session({ cloudWatchLogGroupName: "/ssm/sessions", cloudWatchStreamingEnabled: true }) }, "preferences"),
            ...one(t, { name: "port-forward", documentType: "Session", content: session({}, "Port") }, "port-forward"),
            ...one(t, { name: "patch", documentType: "Command", content: JSON.stringify({ schemaVersion: "2.2", mainSteps: [] }) }, "patch"),
        ],
        violating: (t) => one(t, { name: "SSM-SessionManagerRunShell", documentType: "Session", documentFormat: "JSON", content: session({ idleSessionTimeout: "20", s3EncryptionEnabled: true }) }, "preferences"),
        unknown: (t) => one(t, { name: "SSM-SessionManagerRunShell", documentType: "Session", content: UNKNOWN }, "preferences"),
        says: /Log the sessions the Session Manager preferences \(SSM-SessionManagerRunShell\) governs/,
    },
    "lz-apigateway-v2-quick-create-access-logs": {
        compliant: (t) => [...one(t, { name: "http", protocolType: "HTTP" }, "http"), ...one(t, { name: "ws", protocolType: "WEBSOCKET", routeSelectionExpression: "$request.body.action" }, "ws")],
        violating: (t) => one(t, { name: "quick", protocolType: "HTTP", target: "arn:aws:lambda:us-east-1:111111111111:function:handler" }, "quick"),
        unknown: (t) => one(t, { name: "quick", protocolType: "HTTP", target: UNKNOWN }, "quick"),
        says: /This API uses quick create \(`target`\)/,
    },
    "lz-lambda-xray-tracing": {
        compliant: (t) => one(t, { runtime: "nodejs20.x", tracingConfig: { mode: "Active" } }),
        violating: (t) => one(t, { runtime: "nodejs20.x", tracingConfig: { mode: "PassThrough" } }),
        unknown: (t) => one(t, { runtime: "nodejs20.x", tracingConfig: { mode: UNKNOWN } }),
        says: /Set `tracingConfig: \{ mode: "Active" \}` on this function \(it is "PassThrough"\)/,
    },
    "lz-apigateway-xray-tracing": {
        compliant: (t) => one(t, { stageName: "prod", restApi: "api1", xrayTracingEnabled: true }),
        violating: (t) => one(t, { stageName: "prod", restApi: "api1" }),
        unknown: (t) => one(t, { stageName: "prod", restApi: "api1", xrayTracingEnabled: UNKNOWN }),
        says: /xrayTracingEnabled: true/,
    },
    "lz-sfn-xray-tracing": {
        compliant: (t) => one(t, { definition: "{}", tracingConfiguration: { enabled: true } }),
        violating: (t) => one(t, { definition: "{}", tracingConfiguration: { enabled: false } }),
        unknown: (t) => one(t, { definition: "{}", tracingConfiguration: UNKNOWN }),
        says: /tracingConfiguration: \{ enabled: true \}/,
    },
};
