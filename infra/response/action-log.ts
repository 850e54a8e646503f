/**
 * The record of what a playbook did, call by call, for the result event: every change it made
 * (`done`), every change it found already made (`skipped`), and the call that failed, if one did.
 * Reads are recorded only when they fail: the person reading the page wants the changes.
 */
import type { ResponseAction, ResponseOutcome } from "../config/playbooks";

/** An AWS call that failed; the playbook stops there and the run reports `failed`. */
export class ActionFailed extends Error {
    constructor(
        readonly action: string,
        readonly target: string,
        readonly error: string,
        /** Everything recorded up to and including the failure. */
        readonly actions: readonly ResponseAction[] = [],
    ) {
        super(`${action} on ${target} failed: ${error}`);
        this.name = "ActionFailed";
    }
}

/** `Code: message` of an AWS SDK error (its `name` is the error code AWS returned). */
export function awsError(e: unknown): string {
    if (e instanceof Error) return `${e.name}: ${e.message}`;
    return String(e);
}

export class ActionLog {
    readonly actions: ResponseAction[] = [];

    /** Runs a read; a failure is recorded and stops the playbook. */
    async read<T>(action: string, target: string, call: () => Promise<T>): Promise<T> {
        try {
            return await call();
        } catch (e) {
            throw this.failed(action, target, awsError(e));
        }
    }

    /** Runs a change and records it `done`; a failure is recorded and stops the playbook. */
    async change<T>(action: string, target: string, call: () => Promise<T>): Promise<T> {
        const result = await this.read(action, target, call);
        this.actions.push({ action, target, status: "done" });
        return result;
    }

    /** A change not made because the state was already right. */
    skip(action: string, target: string): void {
        this.actions.push({ action, target, status: "skipped" });
    }

    /** A change that could not be made (recorded, and the playbook goes on with what it still can). */
    fail(action: string, target: string, error: string): void {
        this.actions.push({ action, target, status: "failed", error });
    }

    /** Records a failed call and returns the error that stops the playbook. */
    failed(action: string, target: string, error: string): ActionFailed {
        this.fail(action, target, error);
        return new ActionFailed(action, target, error, this.actions);
    }

    /** `failed` if any change failed, `succeeded` if any was made, else `no-change`. */
    outcome(): Extract<ResponseOutcome, "succeeded" | "no-change" | "failed"> {
        if (this.actions.some((a) => a.status === "failed")) return "failed";
        return this.actions.some((a) => a.status === "done") ? "succeeded" : "no-change";
    }
}
