/**
 * A playbook function's configuration (`LZ_RESPONSE_CONFIG`, written by the security stack),
 * checked whole before anything runs: a function that would act on a wrong configuration fails
 * every invocation instead, and the error lists every problem at once.
 */
import { PLAYBOOK_IDS, RESPONSE_CONFIG_VARIABLE, type PlaybookConfig } from "../config/playbooks";
import { parseJsonVariable } from "../config/json-variable";
import { IAM_REGIONS } from "./exposed-key";

/** Validates the configuration JSON; throws one Error naming the variable and listing every problem. */
export function parsePlaybookConfig(text: string | undefined): PlaybookConfig {
    const raw = parseJsonVariable(RESPONSE_CONFIG_VARIABLE, text);
    const problems: string[] = [];
    const text_ = (f: string, ok: RegExp, what: string) => {
        if (typeof raw[f] !== "string" || !ok.test(raw[f] as string)) problems.push(`${f}: ${what}`);
    };
    if (!(PLAYBOOK_IDS as readonly unknown[]).includes(raw.playbook)) problems.push(`playbook: one of ${PLAYBOOK_IDS.join(", ")}`);
    if (raw.mode !== "dry-run" && raw.mode !== "enforce") problems.push('mode: "dry-run" or "enforce" (a playbook "off" has no function)');
    if (typeof raw.partition !== "string" || !Object.prototype.hasOwnProperty.call(IAM_REGIONS, raw.partition)) problems.push(`partition: one of ${Object.keys(IAM_REGIONS).join(", ")}`);
    // IAM role names and STS external ids (IAM API Reference, CreateRole; STS API Reference, AssumeRole).
    text_("roleName", /^[\w+=,.@-]{1,64}$/, "an IAM role name");
    text_("externalId", /^[\w+=,.@:/-]{2,1224}$/, "an STS external id (2 to 1224 characters)");
    if (!Array.isArray(raw.accounts) || raw.accounts.length === 0 || !raw.accounts.every((a) => typeof a === "string" && /^\d{12}$/.test(a))) problems.push("accounts: a non-empty list of 12-digit account ids");
    text_("dedupTable", /^[\w.-]{3,255}$/, "a DynamoDB table name");
    if (!(Number.isInteger(raw.dedupMinutes) && (raw.dedupMinutes as number) >= 1)) problems.push("dedupMinutes: a whole number of at least 1");
    text_("eventBusArn", /^arn:[\w-]+:events:[a-z]{2}(-[a-z]+)+-\d:\d{12}:event-bus\/.+$/, "the ARN of the central event bus");
    text_("tagKey", /^.{1,128}$/, "the quarantine tag key");
    if (problems.length > 0) throw new Error(`${RESPONSE_CONFIG_VARIABLE}: ${problems.join("; ")}`);
    return raw as unknown as PlaybookConfig;
}
