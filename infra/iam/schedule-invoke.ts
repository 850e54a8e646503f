import { policyDocument, type PolicyDocument } from "./types";

export interface ScheduleInvokeArgs {
    /** The one function the schedule runs. */
    readonly functionArn: string;
    /** Where Scheduler leaves an invocation it could not make: it sends as the schedule's role. */
    readonly deadLetterQueueArn: string;
}

/**
 * A schedule's role: invoke one function (its versions and aliases too, `<arn>:*`), and put what it
 * failed to invoke in the dead-letter queue (EventBridge Scheduler User Guide, "Configuring a
 * schedule's dead-letter queue": the execution role needs `sqs:SendMessage`).
 */
export function scheduleInvokePolicy(a: ScheduleInvokeArgs): PolicyDocument {
    return policyDocument([
        { Sid: "InvokeTheFunction", Effect: "Allow", Action: "lambda:InvokeFunction", Resource: [a.functionArn, `${a.functionArn}:*`] },
        { Sid: "KeepFailedInvocations", Effect: "Allow", Action: "sqs:SendMessage", Resource: a.deadLetterQueueArn },
    ]);
}
