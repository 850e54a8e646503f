import { policyDocument, type PolicyDocument } from "./types";

/** X-Ray's trace upload has no resource type: IAM authorises it on `*` only (Service Authorization Reference, AWS X-Ray). */
export const TRACE_ACTIONS = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"] as const;
export const LOG_WRITE_ACTIONS = ["logs:CreateLogStream", "logs:PutLogEvents"] as const;

export interface FunctionRuntimeArgs {
    /** The function's own log group (without `:*`): it writes nowhere else. */
    readonly logGroupArn: string;
    /** The function's dead-letter queue: Lambda sends a failed asynchronous invocation there as the execution role. */
    readonly deadLetterQueueArn: string;
}

/**
 * What every landing-zone function needs to run, beside what its handler does: write its own log
 * group (the group exists beforehand, so no `CreateLogGroup`), send its traces, and leave an event it
 * failed on in its dead-letter queue (Lambda Developer Guide, "Dead-letter queues": the execution role
 * needs `sqs:SendMessage` on the queue).
 */
export function functionRuntimePolicy(a: FunctionRuntimeArgs): PolicyDocument {
    return policyDocument([
        { Sid: "WriteOwnLog", Effect: "Allow", Action: [...LOG_WRITE_ACTIONS], Resource: `${a.logGroupArn}:*` },
        { Sid: "SendTraces", Effect: "Allow", Action: [...TRACE_ACTIONS], Resource: "*" },
        { Sid: "KeepFailedEvents", Effect: "Allow", Action: "sqs:SendMessage", Resource: a.deadLetterQueueArn },
    ]);
}
