/**
 * Plans the security account's alerting (`buildSecurityEvents`) alone, for an organisation file and
 * `lz:security` settings, under the offline engine. Until the security stack is wired to it, this is
 * how the planned resources are obtained; `security-events-stack.test.ts` checks the real stack.
 */
import { runStack, type StackPlan } from "../../../../infra/engine/run";
import { parseOrg } from "../../../../infra/config/org";
import { parseStack } from "../../../../infra/config/stack";
import { accountProvider } from "../../../../infra/providers";
import { buildSecurityEvents, type SecurityEventsOptions } from "../../../../infra/accounts/security-events";
import type { StackModel } from "../../../../infra/config/model";
import { referenceOrg } from "../../../support/plan";

export const SECURITY = "333333333333";
export const ORG_ID = "o-exampleorg1";
export const HOME = "us-east-1";
export const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"];
export const BUS_ARN = "arn:aws:events:us-east-1:333333333333:event-bus/acme-lz-security-events";

/** The security stack model of an org file and `lz:security` settings. */
export function securityModel(org: unknown = referenceOrg(), settings: Record<string, unknown> = { orgRules: true }): Extract<StackModel, { role: "security" }> {
    const orgModel = parseOrg(org, "stacks/org.yaml");
    const config = { "lz:role": "security", "lz:security": JSON.stringify(settings) };
    return parseStack("security", "stacks/Pulumi.security.yaml", config, orgModel) as Extract<StackModel, { role: "security" }>;
}

/** Plans `buildSecurityEvents` for the model; the stack outputs are its `outputs`. */
export function planSecurityEvents(model = securityModel(), options: SecurityEventsOptions = {}, o: { preview?: boolean; stackOutputs?: (name: string) => Record<string, unknown> | undefined } = {}): Promise<StackPlan> {
    return runStack({
        project: "lz",
        stack: "security-events-test",
        preview: Boolean(o.preview),
        config: {},
        defaultAccount: SECURITY,
        stackOutputs: o.stackOutputs,
        program: () => {
            const provider = accountProvider(model, model.account);
            return buildSecurityEvents({ model, provider }, options).outputs;
        },
    });
}
