import * as assert from "assert";
import { decideAs } from "../../support/iam";
import { readerKeyPolicy } from "../../../infra/iam/log-archive-reader-key-policy";

const ACCOUNT = "222222222222";
const SECURITY = "333333333333";
const KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a`;
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const DEPLOY = `arn:aws:iam::${ACCOUNT}:role/LandingZoneDeployment`;
const BREAK_GLASS = `arn:aws:iam::${ACCOUNT}:role/LandingZoneBreakGlass`;
const ADMIN = `arn:aws:iam::${ACCOUNT}:role/Administrator`;
const INVESTIGATOR = `arn:aws:iam::${SECURITY}:role/SecurityInvestigator`;

const doc = JSON.parse(JSON.stringify(readerKeyPolicy({ accountRootArn: ROOT, exemptRoleArns: [DEPLOY, BREAK_GLASS], securityAccountId: SECURITY, readerRoleArns: [INVESTIGATOR] })));
const ask = (principal: string, action: string, context: Record<string, string> = {}) => decideAs({ principal, action, resource: KEY, resourceAccount: ACCOUNT, context, resourcePolicy: doc });

describe("reader key policy (replica and query-results keys)", () => {
    it("lets the security investigator decrypt", async () => {
        assert.strictEqual(await ask(INVESTIGATOR, "kms:Decrypt", { "kms:CallerAccount": SECURITY }), "Allowed");
    });
    it("refuses the investigator encrypting or generating data keys", async () => {
        assert.strictEqual(await ask(INVESTIGATOR, "kms:GenerateDataKey", { "kms:CallerAccount": SECURITY }), "ImplicitlyDenied");
    });
    it("refuses decryption to other roles of the security account", async () => {
        assert.strictEqual(await ask(`arn:aws:iam::${SECURITY}:role/Developer`, "kms:Decrypt", { "kms:CallerAccount": SECURITY }), "ImplicitlyDenied");
    });
    it("refuses decryption to a principal outside the organisation's accounts", async () => {
        assert.strictEqual(await ask("arn:aws:iam::999999999999:role/Administrator", "kms:Decrypt", { "kms:CallerAccount": "999999999999" }), "ImplicitlyDenied");
    });
    it("lets IAM principals of the log-archive account use the key through their identity policies", async () => {
        assert.strictEqual(await ask(ADMIN, "kms:Decrypt"), "Allowed");
    });
    it("denies ScheduleKeyDeletion to an administrator and DisableKey to the account root", async () => {
        assert.strictEqual(await ask(ADMIN, "kms:ScheduleKeyDeletion"), "ExplicitlyDenied");
        assert.strictEqual(await ask(ROOT, "kms:DisableKey"), "ExplicitlyDenied");
    });
    it("lets the deployment and break-glass roles update the key policy", async () => {
        for (const p of [DEPLOY, BREAK_GLASS]) assert.strictEqual(await ask(p, "kms:PutKeyPolicy"), "Allowed", p);
    });
    it("refuses to build a key policy without an exempt role", () => {
        assert.throws(() => readerKeyPolicy({ accountRootArn: ROOT, exemptRoleArns: [], securityAccountId: SECURITY, readerRoleArns: [INVESTIGATOR] }), /exemptRoleArns: at least the deployment role is required/);
    });
});
