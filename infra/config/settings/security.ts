import type { ObjectSchema } from "../schema";
import { securityEventsSettingsSchema, type SecurityEventsSettings } from "./security-events";

/** Settings of the `security` role (`lz:security` in its stack file). */
export interface SecuritySettings {
    /**
     * Organisation Config rules and conformance packs. Off for the very first rollout (they fail
     * until every account has a recorder), on in the steady state.
     */
    readonly orgRules: boolean;
    /** Central event bus, routing and alerting. */
    readonly events: SecurityEventsSettings;
}

export const securitySettingsSchema: ObjectSchema = {
    kind: "object",
    default: {},
    fields: {
        orgRules: { kind: "boolean", default: true },
        events: securityEventsSettingsSchema,
    },
};
