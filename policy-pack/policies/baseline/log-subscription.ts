import { baselineConfig, notSelected, selected } from "../../lib/baseline";
import { stackRule } from "../../lib/rule";
import { LOG_ACCOUNT_POLICY } from "../../lib/types";
import { isUnknown, str } from "../../lib/values";

/** Each account forwards its log groups to the central destination with one account-level policy. */
export const baselineLogSubscription = stackRule({
    name: "lz-baseline-log-subscription",
    description: "Account-baseline stacks contain an account-level subscription filter policy (aws.cloudwatch.LogAccountPolicy of type SUBSCRIPTION_FILTER_POLICY).",
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: [],
        nist: ["AU-6(3)", "AU-9(2)"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: LOG_ACCOUNT_POLICY,
    config: baselineConfig("account"),
    remediation: "Add `new aws.cloudwatch.LogAccountPolicy(name, { policyType: \"SUBSCRIPTION_FILTER_POLICY\", policyName, policyDocument: JSON with DestinationArn of the central destination, selectionCriteria excluding the pipeline's own groups })`.",
    check(stack, config, f) {
        if (!selected(stack, config, "account")) return f.notApplicable(notSelected(config, "account"));
        const types = stack.ofType(LOG_ACCOUNT_POLICY).map((p) => str(p.get("policyType")));
        if (types.includes("SUBSCRIPTION_FILTER_POLICY")) return;
        if (types.some(isUnknown)) f.unknown(null, "policyType of the account log policies");
        else f.fail(null, "This account-baseline stack has no account-level subscription filter policy: add an aws.cloudwatch.LogAccountPolicy with policyType SUBSCRIPTION_FILTER_POLICY sending to the central destination.");
    },
});
