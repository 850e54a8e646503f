import type * as aws from "@pulumi/aws";
import type { StackModel } from "../config/model";

/** What a role program receives: the validated stack model and the stack account's provider. */
export interface RoleContext<M extends StackModel = StackModel> {
    readonly model: M;
    /** Provider of the account the stack deploys into. */
    readonly provider: aws.Provider;
}

/** Stack outputs of a role program. */
export type RoleOutputs = Record<string, unknown>;
