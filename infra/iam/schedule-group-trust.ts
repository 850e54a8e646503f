import { policyDocument, type PolicyDocument } from "./types";

export interface ScheduleGroupTrustArgs {
    /** Statement id: what the schedules do. */
    readonly sid: string;
    /** `scheduler.amazonaws.com` of the partition. */
    readonly schedulerPrincipal: string;
    readonly accountId: string;
    /** ARN of the schedule group: Scheduler names the group, not the schedule, in `aws:SourceArn`. */
    readonly scheduleGroupArn: string;
}

/** Trust of a schedule's role: EventBridge Scheduler, for schedules of one group of this account only. */
export function scheduleGroupTrustPolicy(a: ScheduleGroupTrustArgs): PolicyDocument {
    return policyDocument([
        {
            Sid: a.sid,
            Effect: "Allow",
            Principal: { Service: a.schedulerPrincipal },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "aws:SourceAccount": a.accountId }, ArnEquals: { "aws:SourceArn": a.scheduleGroupArn } },
        },
    ]);
}
