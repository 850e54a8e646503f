import * as assert from "assert";
import { decide } from "../../../support/iam";
import { configAggregatorTrustPolicy } from "../../../../infra/iam/security-config-aggregator-trust";

const SECURITY = "333333333333";

describe("organisation Config aggregator role trust", () => {
    const doc = configAggregatorTrustPolicy({ configPrincipal: "config.amazonaws.com", accountId: SECURITY });
    const role = `arn:aws:iam::${SECURITY}:role/config-role`;

    it("lets AWS Config assume it for this account's aggregator", async () => {
        const d = await decide({ principal: "config.amazonaws.com", action: "sts:AssumeRole", resource: role, resourceAccount: SECURITY, resourcePolicy: doc, context: { "aws:SourceAccount": SECURITY } });
        assert.strictEqual(d, "Allowed");
    });

    it("refuses AWS Config acting for another account (confused deputy)", async () => {
        const d = await decide({ principal: "config.amazonaws.com", action: "sts:AssumeRole", resource: role, resourceAccount: SECURITY, resourcePolicy: doc, context: { "aws:SourceAccount": "999999999999" } });
        assert.strictEqual(d, "ImplicitlyDenied");
    });
});
