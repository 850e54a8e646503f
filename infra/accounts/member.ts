import type { StackModel } from "../config/model";
import type { RoleContext, RoleOutputs } from "./context";

type Model = Extract<StackModel, { role: "member" }>;

/** The `member` role: composition only (config → providers → components → exports). */
export function runMemberStack(ctx: RoleContext<Model>): RoleOutputs {
    return {
        accountId: ctx.model.account.id,
    };
}
