import * as assert from "assert";
import { evaluate, globMatch } from "./policy-evaluator";
import { decide } from "./iam";
import type { PolicyDocument } from "../../infra/iam/types";

const ACCOUNT = "333333333333";
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const doc: PolicyDocument = {
    Version: "2012-10-17",
    Statement: [
        {
            Sid: "ServiceByAccountAndArn",
            Effect: "Allow",
            Principal: { Service: "cloudwatch.amazonaws.com" },
            Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT }, ArnLike: { "aws:SourceArn": `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:acme-lz-*` } },
        },
        { Sid: "DenyWithoutTls", Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
        { Sid: "RoleAnyValue", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/Reader` }, Action: "kms:Decrypt", Resource: "*", Condition: { "ForAnyValue:StringLike": { "aws:PrincipalTag/team": ["sec*"] } } },
        { Sid: "NotEqualsIfExists", Effect: "Deny", Principal: "*", Action: "kms:ScheduleKeyDeletion", Resource: "*", Condition: { StringNotEqualsIfExists: { "aws:PrincipalAccount": ACCOUNT } } },
    ],
};

/** Requests both evaluators can judge: the evaluator must agree with iam-simulate on every one. */
const CASES: { principal: string; action: string; context: Record<string, string | string[]> }[] = [
    { principal: "cloudwatch.amazonaws.com", action: "kms:Decrypt", context: { "aws:SourceAccount": ACCOUNT, "aws:SourceArn": `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:acme-lz-cis-root` } },
    { principal: "cloudwatch.amazonaws.com", action: "kms:GenerateDataKey", context: { "aws:SourceAccount": ACCOUNT, "aws:SourceArn": `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:other` } },
    { principal: "cloudwatch.amazonaws.com", action: "kms:Decrypt", context: { "aws:SourceAccount": "999999999999", "aws:SourceArn": `arn:aws:cloudwatch:us-east-1:999999999999:alarm:acme-lz-x` } },
    { principal: "cloudwatch.amazonaws.com", action: "kms:Decrypt", context: { "aws:SourceAccount": ACCOUNT, "aws:SourceArn": `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:acme-lz-x`, "aws:SecureTransport": "false" } },
    { principal: "cloudwatch.amazonaws.com", action: "kms:Encrypt", context: { "aws:SourceAccount": ACCOUNT, "aws:SourceArn": `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:acme-lz-x` } },
    { principal: `arn:aws:iam::${ACCOUNT}:role/Reader`, action: "kms:Decrypt", context: { "aws:PrincipalTag/team": "security", "aws:PrincipalAccount": ACCOUNT } },
    { principal: `arn:aws:iam::${ACCOUNT}:role/Reader`, action: "kms:Decrypt", context: { "aws:PrincipalTag/team": "dev", "aws:PrincipalAccount": ACCOUNT } },
    { principal: `arn:aws:iam::${ACCOUNT}:role/Reader`, action: "kms:ScheduleKeyDeletion", context: { "aws:PrincipalAccount": "999999999999" } },
];

describe("policy evaluator (for encryption-context conditions)", () => {
    it("agrees with iam-simulate on requests both can judge", async () => {
        for (const c of CASES) {
            const simulated = await decide({ principal: c.principal, action: c.action, resource: KEY, resourceAccount: ACCOUNT, context: c.context, resourcePolicy: doc });
            assert.strictEqual(evaluate(doc, { principal: c.principal, action: c.action, resource: KEY, context: c.context }), simulated, JSON.stringify(c));
        }
    });

    it("matches wildcards in actions case-insensitively and in ARNs part by part", () => {
        assert.ok(globMatch("kms:GenerateDataKey*", "KMS:GenerateDataKeyWithoutPlaintext", true));
        assert.ok(!globMatch("arn:aws:sns:us-east-1:1:a?c", "arn:aws:sns:us-east-1:1:abbc"));
    });

    it("decides an encryption-context condition from the context, and refuses without it", () => {
        const ec: PolicyDocument = {
            Version: "2012-10-17",
            Statement: [{ Sid: "Ctx", Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "kms:Decrypt", Resource: "*", Condition: { ArnEquals: { "kms:EncryptionContext:aws:sns:topicArn": ["arn:aws:sns:us-east-1:1:a", "arn:aws:sns:us-east-1:1:b"] } } }],
        };
        const ask = (context: Record<string, string>) => evaluate(ec, { principal: "events.amazonaws.com", action: "kms:Decrypt", resource: KEY, context });
        assert.strictEqual(ask({ "kms:EncryptionContext:aws:sns:topicArn": "arn:aws:sns:us-east-1:1:b" }), "Allowed");
        assert.strictEqual(ask({ "kms:encryptioncontext:aws:sns:topicarn": "arn:aws:sns:us-east-1:1:b" }), "Allowed");
        assert.strictEqual(ask({ "kms:EncryptionContext:aws:sns:topicArn": "arn:aws:sns:us-east-1:1:c" }), "ImplicitlyDenied");
        assert.strictEqual(ask({}), "ImplicitlyDenied");
    });

    it("matches a Federated principal and applies a trust statement (no Resource) to the role, deciding its OIDC conditions", () => {
        const provider = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com";
        const trust: PolicyDocument = {
            Version: "2012-10-17",
            Statement: [{ Sid: "Gh", Effect: "Allow", Principal: { Federated: provider }, Action: "sts:AssumeRoleWithWebIdentity", Condition: { StringEquals: { "token.actions.githubusercontent.com:sub": "repo:a/b:pull_request" } } }],
        };
        const ask = (principal: string, sub: string) => evaluate(trust, { principal, action: "sts:AssumeRoleWithWebIdentity", resource: "arn:aws:iam::111111111111:role/ci", context: { "token.actions.githubusercontent.com:sub": sub } });
        assert.strictEqual(ask(provider, "repo:a/b:pull_request"), "Allowed");
        assert.strictEqual(ask(provider, "repo:a/c:pull_request"), "ImplicitlyDenied");
        assert.strictEqual(ask("arn:aws:iam::111111111111:oidc-provider/accounts.google.com", "repo:a/b:pull_request"), "ImplicitlyDenied");
    });

    it("throws on an operator it does not implement rather than guessing", () => {
        const odd: PolicyDocument = { Version: "2012-10-17", Statement: [{ Sid: "Odd", Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*", Condition: { NumericLessThan: { "kms:x": "1" } } }] };
        assert.throws(() => evaluate(odd, { principal: "x", action: "kms:Decrypt", resource: KEY, context: { "kms:x": "0" } }), /unsupported condition operator NumericLessThan/);
    });
});
