import type { ObjectSchema } from "../schema";

/** Settings of the `member` role (`lz:member` in its stack file). */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface MemberSettings {}

export const memberSettingsSchema: ObjectSchema = {
    kind: "object",
    default: {},
    fields: {},
};
