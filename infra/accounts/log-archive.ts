import type { StackModel } from "../config/model";
import type { RoleContext, RoleOutputs } from "./context";

type Model = Extract<StackModel, { role: "log-archive" }>;

/** The `log-archive` role: composition only (config → providers → components → exports). */
export function runLogArchiveStack(ctx: RoleContext<Model>): RoleOutputs {
    return {
        accountId: ctx.model.account.id,
    };
}
