import type { ObjectSchema } from "../schema";

/** Settings of the central event bus and alerting (`lz:security.events`). */
export interface SecurityEventsSettings {
    /** Days the central bus archive keeps events for replay. */
    readonly archiveRetentionDays: number;
}

export const securityEventsSettingsSchema: ObjectSchema = {
    kind: "object",
    default: {},
    fields: {
        archiveRetentionDays: { kind: "integer", min: 1, max: 36500, default: 365 },
    },
};
