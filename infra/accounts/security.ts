import type { StackModel } from "../config/model";
import type { RoleContext, RoleOutputs } from "./context";

type Model = Extract<StackModel, { role: "security" }>;

/** The `security` role: composition only (config → providers → components → exports). */
export function runSecurityStack(ctx: RoleContext<Model>): RoleOutputs {
    return {
        accountId: ctx.model.account.id,
    };
}
