import * as assert from "assert";
import { AccountHardening, resolveAccountHardeningArgs } from "../../../../infra/components/baseline/account-hardening";
import { MEMBER, planComponent } from "./harness";
import { ofType } from "../../../support/plan";

describe("AccountHardening", () => {
    it("blocks public ACLs and policies on every bucket of the account, with all four switches", async () => {
        const p = await planComponent(() => new AccountHardening("hardening", { accountId: MEMBER }));
        const blocks = ofType(p, "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock");
        assert.strictEqual(blocks.length, 1);
        assert.deepStrictEqual(
            { ...blocks[0].inputs },
            { accountId: MEMBER, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
        );
    });

    it("rejects an account id that is not 12 digits", () => {
        assert.throws(() => resolveAccountHardeningArgs("hardening", { accountId: "1234" }), (e: Error) => e.message === 'AccountHardening hardening:\n  accountId: "1234" is not a 12-digit AWS account id');
    });
});
