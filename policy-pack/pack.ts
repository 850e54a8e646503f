/**
 * The pack's identity and arguments, shared by `index.ts` (which serves it to the Pulumi CLI) and
 * the in-process harness (which hands the very same arguments to the SDK's analyzer).
 */
import type { PolicyPackArgs } from "@pulumi/policy";
import { ALL_RULES } from "./rules";

/** Name the pack is published under (`pulumi policy publish`). */
export const PACK_NAME = "lz-logging";

/** Version from package.json, as `new PolicyPack` reads it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const PACK_VERSION: string = (require("./package.json") as { version: string }).version;

export function packArgs(): PolicyPackArgs {
    return {
        description: "Logging and monitoring rules for every stack of the organisation: sources on, destinations approved, retention, alarms.",
        enforcementLevel: "advisory",
        policies: ALL_RULES.map((r) => r.policy),
    };
}
