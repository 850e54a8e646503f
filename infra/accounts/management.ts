import type { StackModel } from "../config/model";
import type { RoleContext, RoleOutputs } from "./context";

type Model = Extract<StackModel, { role: "management" }>;

/** The `management` role: composition only (config → providers → components → exports). */
export function runManagementStack(ctx: RoleContext<Model>): RoleOutputs {
    return {
        accountId: ctx.model.account.id,
    };
}
