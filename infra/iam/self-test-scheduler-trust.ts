import { scheduleGroupTrustPolicy } from "./schedule-group-trust";
import type { PolicyDocument } from "./types";

export interface SelfTestSchedulerTrustArgs {
    /** `scheduler.amazonaws.com` of the partition. */
    readonly schedulerPrincipal: string;
    readonly accountId: string;
    /** ARN of the self-test's own schedule group: Scheduler names the group, not the schedule, in `aws:SourceArn`. */
    readonly scheduleGroupArn: string;
}

/** Trust of the self-test role: EventBridge Scheduler, for schedules of the self-test group of this account only. */
export function selfTestSchedulerTrustPolicy(a: SelfTestSchedulerTrustArgs): PolicyDocument {
    return scheduleGroupTrustPolicy({ sid: "SchedulerAssumesForSelfTest", ...a });
}
