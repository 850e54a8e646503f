import * as assert from "assert";
import { resolveDelegatedAdministratorsArgs } from "../../../../infra/components/organization/delegated-administrators";

describe("DelegatedAdministrators", () => {
    it("requires the home region to be an enabled region, regions once each and a 12-digit account", () => {
        assert.throws(
            () => resolveDelegatedAdministratorsArgs("d", { accountId: "33", regions: ["us-west-2", "us-west-2"], homeRegion: "us-east-1", organizationsServicePrincipals: [] }),
            (e: Error) =>
                e.message ===
                [
                    "DelegatedAdministrators d:",
                    '  accountId: "33" is not a 12-digit account id',
                    '  regions: ["us-west-2","us-west-2"] lists a region twice',
                    "  homeRegion: us-east-1 is not one of the regions us-west-2, us-west-2",
                ].join("\n"),
        );
    });

    it("accepts the security account with its enabled regions", () => {
        const a = { accountId: "333333333333", regions: ["us-east-1", "eu-west-1"], homeRegion: "us-east-1", organizationsServicePrincipals: ["config.amazonaws.com"] };
        assert.deepStrictEqual(resolveDelegatedAdministratorsArgs("d", a), { ...a, regionalServices: ["guardduty", "inspector", "macie", "detective"] });
    });

    it("refuses a regional service it does not know and one listed twice", () => {
        const a = { accountId: "333333333333", regions: ["us-east-1"], homeRegion: "us-east-1", organizationsServicePrincipals: [] };
        assert.throws(
            () => resolveDelegatedAdministratorsArgs("d", { ...a, regionalServices: ["macie", "macie", "shield" as never] }),
            (e: Error) =>
                e.message ===
                ["DelegatedAdministrators d:", '  regionalServices: "shield" is not one of guardduty, inspector, macie, detective', "  regionalServices: macie, macie, shield lists a service twice"].join("\n"),
        );
    });
});
