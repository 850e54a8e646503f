import type { ObjectSchema } from "../schema";

/** Settings of the `management` role (`lz:management` in its stack file). */
export interface ManagementSettings {
    /** Deny API calls outside the enabled regions (global services exempted). */
    readonly regionDeny: boolean;
}

export const managementSettingsSchema: ObjectSchema = {
    kind: "object",
    default: {},
    fields: {
        regionDeny: { kind: "boolean", default: true },
    },
};
