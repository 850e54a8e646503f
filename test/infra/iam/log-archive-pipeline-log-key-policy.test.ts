/**
 * Key of the pipeline's delivery-error log group (one per region). iam-simulate ignores
 * `kms:EncryptionContext:*`: a decision is iam-simulate on the statements without
 * an encryption context, and `test/support/policy-evaluator.ts` on the one bound to it (CloudWatch
 * Logs' grant), through `decideKeyPolicy`. The deny statement is simulated; no context-bound statement denies.
 */
import * as assert from "assert";
import { decideKeyPolicy } from "../../support/iam";
import { pipelineLogKeyPolicy } from "../../../infra/iam/log-archive-pipeline-log-key-policy";

const ACCOUNT = "222222222222";
const KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const GROUP = `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/acme-lz/central-logs/delivery-errors`;
const DEPLOY = `arn:aws:iam::${ACCOUNT}:role/LandingZoneDeployment`;
const BREAK_GLASS = `arn:aws:iam::${ACCOUNT}:role/LandingZoneBreakGlass`;
const doc = pipelineLogKeyPolicy({ accountRootArn: `arn:aws:iam::${ACCOUNT}:root`, exemptRoleArns: [DEPLOY, BREAK_GLASS], logsPrincipal: "logs.eu-west-1.amazonaws.com", logGroupArn: GROUP });

const ask = (principal: string, action: string, context: Record<string, string> = {}) => decideKeyPolicy(doc, { principal, action, resource: KEY, resourceAccount: ACCOUNT, context });
const logsOf = (group: string) => ({ "kms:EncryptionContext:aws:logs:arn": group });

describe("pipeline log key policy", () => {
    it("lets CloudWatch Logs of the key's region encrypt the delivery-error log group", async () => {
        for (const action of ["kms:GenerateDataKey", "kms:Encrypt", "kms:Decrypt", "kms:DescribeKey"]) assert.strictEqual(await ask("logs.eu-west-1.amazonaws.com", action, logsOf(GROUP)), "Allowed", action);
    });
    it("refuses CloudWatch Logs for any other log group, of this account or another", async () => {
        assert.strictEqual(await ask("logs.eu-west-1.amazonaws.com", "kms:GenerateDataKey", logsOf(`arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/team/app`)), "ImplicitlyDenied");
        assert.strictEqual(await ask("logs.eu-west-1.amazonaws.com", "kms:GenerateDataKey", logsOf("arn:aws:logs:eu-west-1:999999999999:log-group:/acme-lz/central-logs/delivery-errors")), "ImplicitlyDenied");
        assert.strictEqual(await ask("logs.us-east-1.amazonaws.com", "kms:GenerateDataKey", logsOf(GROUP)), "ImplicitlyDenied");
    });
    it("denies scheduling deletion and re-policying to an administrator, not to the deployment role", async () => {
        assert.strictEqual(await ask(`arn:aws:iam::${ACCOUNT}:role/Administrator`, "kms:ScheduleKeyDeletion"), "ExplicitlyDenied");
        assert.strictEqual(await ask(`arn:aws:iam::${ACCOUNT}:root`, "kms:PutKeyPolicy"), "ExplicitlyDenied");
        assert.strictEqual(await ask(DEPLOY, "kms:PutKeyPolicy"), "Allowed");
    });
    it("requires the deployment role among the exempt roles", () => {
        assert.throws(() => pipelineLogKeyPolicy({ accountRootArn: "r", exemptRoleArns: [], logsPrincipal: "l", logGroupArn: GROUP }), /^Error: exemptRoleArns: at least the deployment role is required, or the next deployment cannot update the key$/);
    });
});
