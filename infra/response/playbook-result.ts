/** What a playbook's run in a member account came to, before it becomes the result event's detail. */
import type { ResponseAction, ResponseOutcome } from "../config/playbooks";

export interface PlaybookResult {
    readonly outcome: ResponseOutcome;
    readonly actions: readonly ResponseAction[];
    /** One sentence a person reads in the page. */
    readonly summary: string;
}

/** What a playbook would do from the finding alone: its planned changes, or why it can do nothing (`not-actionable`, whatever the mode). */
export type PlaybookPlan = { readonly actionable: true; readonly actions: readonly ResponseAction[]; readonly summary: string } | { readonly actionable: false; readonly summary: string };
