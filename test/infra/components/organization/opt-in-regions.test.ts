import { strict as assert } from "assert";
import { OptInRegions, resolveOptInRegionsArgs } from "../../../../infra/components/organization/opt-in-regions";
import { byName, ofType, planComponent } from "../../../support/plan";
import { errorMessage } from "../../../support/errors";

describe("OptInRegions", () => {
    it("defaults to keeping the regions enabled when they leave the program", () => {
        assert.equal(resolveOptInRegionsArgs("r", { regions: ["me-central-1"], callerAccountName: "management", memberAccountIds: {} }).retainOnDelete, true);
    });

    it("refuses a repeated or malformed region, a bad account name and the caller among the members, listing each", () => {
        assert.equal(
            errorMessage(() => resolveOptInRegionsArgs("r", { regions: ["me-central-1", "me-central-1", "Mars"], callerAccountName: "management", memberAccountIds: { management: "111111111111", Dev_1: "222222222222" } })),
            [
                "OptInRegions r:",
                '  regions: ["me-central-1","me-central-1","Mars"] lists a region twice',
                '  regions: "Mars" is not a region name such as me-central-1',
                '  "Dev_1" is not a kebab-case account name',
                "  memberAccountIds: names the caller account management, which AWS lets enable regions only for itself (without AccountId)",
            ].join("\n"),
        );
    });

    it("enables each region in the caller's account without AccountId and in every member's with it", async () => {
        const p = await planComponent(
            () => new OptInRegions("optin", { regions: ["me-central-1", "ap-east-2"], callerAccountName: "management", memberAccountIds: { security: "333333333333" } }),
            "111111111111",
        );
        const regions = ofType(p, "aws:account/region:Region");
        assert.equal(regions.length, 4);
        assert.deepEqual(byName(p, "optin-management-ap-east-2").inputs, { enabled: true, regionName: "ap-east-2" });
        assert.deepEqual(byName(p, "optin-security-me-central-1").inputs, { accountId: "333333333333", enabled: true, regionName: "me-central-1" });
        assert.ok(regions.every((r) => r.retainOnDelete));
    });
});
