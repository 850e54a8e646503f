import type { ObjectSchema } from "../schema";

/** Settings of the `bootstrap` role (`lz:bootstrap` in its stack file): how the StackSet rolls out. */
export interface BootstrapSettings {
    readonly stackSet: {
        /** Share of the target accounts deployed at once. */
        readonly maxConcurrentPercentage: number;
        /** Share of the target accounts that may fail before the operation stops. */
        readonly failureTolerancePercentage: number;
    };
}

export const bootstrapSettingsSchema: ObjectSchema = {
    kind: "object",
    default: {},
    fields: {
        stackSet: {
            kind: "object",
            default: {},
            doc: "How the role StackSet rolls out across the target accounts (CloudFormation operation preferences).",
            fields: {
                maxConcurrentPercentage: { kind: "integer", min: 1, max: 100, default: 25, doc: "Percentage of target accounts deployed at the same time." },
                failureTolerancePercentage: { kind: "integer", min: 0, max: 100, default: 10, doc: "Percentage of target accounts that may fail before CloudFormation stops the operation." },
            },
        },
    },
};
