/**
 * Quiet accounts beyond the reference organisation's (the log archive): the management account made
 * quiet, where the break-glass holders themselves sign in; no quiet account at all; and the titled
 * notifications the two rows send their topic.
 */
import * as assert from "assert";
import type { SecurityRoute } from "../../../../infra/components/events/routing-table";
import { breakGlassSignInArns, QUIET_SIGN_IN_TITLES } from "../../../../infra/components/events/quiet-account-routes";
import { titledNotification } from "../../../../infra/components/events/security-event-routing";
import { parseOrg } from "../../../../infra/config/org";
import { matches } from "../../../support/event-pattern";
import { configProblems } from "../../../support/errors";
import { ofType, referenceOrg, referenceStack } from "../../../support/plan";
import { referenceRoutes, SECURITY_SAMPLES } from "./samples";

const MGMT = "111111111111";
const LA = "222222222222";
const MEMBER = "444444444444";

function routes(quietAccountIds: string[], sets: string[] = []): SecurityRoute[] {
    return referenceRoutes({
        quietAccountIds,
        breakGlassSignInArns: breakGlassSignInArns({ partition: "aws", managementAccountId: MGMT, breakGlassRoleName: "LandingZoneBreakGlass", users: ["break-glass-1"], identityCenterPermissionSets: sets }),
    });
}

const rowsOf = (table: readonly SecurityRoute[], event: unknown) => table.filter((r) => !r.targets.log && matches(r.pattern, event)).map((r) => r.id);

/** A sign-in sample of the fixtures, moved to another account with another identity. */
function signIn(sampleName: string, account: string, identity?: Record<string, unknown>, result?: "Success" | "Failure"): Record<string, unknown> {
    const s = SECURITY_SAMPLES.find((x) => x.name.startsWith(sampleName));
    assert.ok(s, sampleName);
    const detail = s.event.detail as Record<string, any>;
    const name = String(detail.eventName);
    return {
        ...s.event,
        account,
        detail: { ...detail, recipientAccountId: account, ...(identity ? { userIdentity: identity } : {}), ...(result ? { responseElements: { [name]: result } } : {}) },
    };
}

const IAM_SUCCESS = "Quiet account (log archive): IAM user console sign-in success";
const SSO_SUCCESS = "Quiet account (log archive): IAM Identity Center permission set sign-in success";
const user = (account: string, name: string) => ({ type: "IAMUser", principalId: "AIDA2EXAMPLEQUIET0009", arn: `arn:aws:iam::${account}:user/${name}`, accountId: account, userName: name });
const sso = (account: string, set: string) => ({
    type: "AssumedRole",
    principalId: "AROA2EXAMPLESSO0001:erin@acme.example",
    arn: `arn:aws:sts::${account}:assumed-role/AWSReservedSSO_${set}_1a2b3c4d5e6f7a8b/erin@acme.example`,
    accountId: account,
});

describe("quiet accounts in the routing table", () => {
    describe("with the management account quiet too", () => {
        const table = routes([LA, MGMT], ["BreakGlass"]);

        it("titles a break-glass holder's sign-in to the management account as break-glass", () => {
            assert.deepStrictEqual(rowsOf(table, signIn(IAM_SUCCESS, MGMT, user(MGMT, "break-glass-1"))), ["quiet-break-glass"]);
            assert.deepStrictEqual(rowsOf(table, signIn(SSO_SUCCESS, MGMT, sso(MGMT, "BreakGlass"))), ["quiet-break-glass"]);
        });

        it("pages any other management sign-in as an ordinary quiet-account sign-in", () => {
            assert.deepStrictEqual(rowsOf(table, signIn(IAM_SUCCESS, MGMT, user(MGMT, "finance-admin"))), ["quiet-sign-in"]);
            assert.deepStrictEqual(rowsOf(table, signIn(SSO_SUCCESS, MGMT, sso(MGMT, "AdministratorAccess"))), ["quiet-sign-in"]);
        });

        it("does not take a user named like a holder in another account, or a failed holder sign-in, for the break-glass path", () => {
            assert.deepStrictEqual(rowsOf(table, signIn(IAM_SUCCESS, LA, user(LA, "break-glass-1"))), ["quiet-sign-in"]);
            assert.deepStrictEqual(rowsOf(table, signIn(SSO_SUCCESS, LA, sso(LA, "BreakGlass"))), ["quiet-sign-in"]);
            assert.deepStrictEqual(rowsOf(table, signIn(IAM_SUCCESS, MGMT, user(MGMT, "break-glass-1"), "Failure")), ["quiet-sign-in"]);
        });

        it("sends a failed sign-in to the management account to quiet-sign-in (high) instead of sign-in-failure (low)", () => {
            const failure = SECURITY_SAMPLES.find((s) => s.name.startsWith("Ordinary account: IAM user console sign-in failure"))!;
            assert.deepStrictEqual(rowsOf(table, { ...failure.event, account: MGMT }), ["quiet-sign-in"]);
            assert.deepStrictEqual(rowsOf(table, failure.event), ["sign-in-failure"]);
        });
    });

    describe("with no quiet account", () => {
        const table = routes([]);

        it("has no quiet rows, and sign-in-failure matches every account", () => {
            assert.deepStrictEqual(table.filter((r) => r.id.startsWith("quiet-")), []);
            assert.strictEqual(JSON.stringify(table.find((r) => r.id === "sign-in-failure")!.pattern).includes('"account"'), false);
            assert.deepStrictEqual(rowsOf(table, signIn(IAM_SUCCESS, LA)), []);
        });
    });

    describe("titled notifications", () => {
        /** What EventBridge sends the target: each `<var>` of the template replaced by the JSON value at its path (strings inside quotes as they are). */
        function render(t: ReturnType<typeof titledNotification>, event: Record<string, unknown>): unknown {
            const value = (p: string) => p.replace(/^\$\./, "").split(".").reduce<any>((o, k) => (o === undefined || o === null ? undefined : o[k]), event);
            const text = String(t.inputTemplate).replace(/<([A-Za-z0-9_]+)>/g, (_, v: string) => {
                const x = value(String((t.inputPaths as Record<string, string>)[v]));
                return x === undefined ? "" : String(x);
            });
            return JSON.parse(text);
        }

        it("sends the topic a notification with the row's title and the sign-in's account, identity, source address and event id", () => {
            const event = signIn(IAM_SUCCESS, LA);
            const note = render(titledNotification(QUIET_SIGN_IN_TITLES.signIn), event) as { source: string; content: { title: string; description: string } };
            assert.strictEqual(note.source, "custom");
            assert.strictEqual(note.content.title, "Console sign-in to a quiet account");
            assert.strictEqual(note.content.description, `ConsoleLogin into account ${LA} by arn:aws:iam::${LA}:user/ops-admin ops-admin from 198.51.100.61 at 2026-12-03T09:12:44Z (event ${event.id})`);
        });

        it("is planned on the quiet rows' topic targets only, each with its own title; their SIEM targets keep the event", async () => {
            const p = await referenceStack("security");
            const targets = ofType(p, "aws:cloudwatch/eventTarget:EventTarget");
            const titled = targets.filter((t) => t.inputs.inputTransformer).map((t) => [t.name, JSON.parse(String((t.inputs.inputTransformer as { inputTemplate: string }).inputTemplate)).content.title]);
            assert.deepStrictEqual(titled.sort(), [
                ["security-routing-quiet-break-glass-topic", "Break-glass console sign-in to a quiet account"],
                ["security-routing-quiet-sign-in-topic", "Console sign-in to a quiet account"],
            ]);
        });
    });
});

describe("quietAccounts in the org file", () => {
    it("defaults to the log-archive account, whatever its name", () => {
        const org = referenceOrg();
        delete org.quietAccounts;
        org.accounts.logArchive.name = "logs";
        assert.deepStrictEqual(parseOrg(org, "stacks/org.yaml").quietAccounts, ["logs"]);
    });

    it("takes the accounts named, and rejects a name of no account and a repeated one with the file and key", () => {
        const org = referenceOrg();
        org.quietAccounts = ["log-archive", "managment", "log-archive"];
        assert.deepStrictEqual(configProblems(() => parseOrg(org, "stacks/org.yaml")), [
            'stacks/org.yaml: quietAccounts[1]: "managment" is not the name of an account of this file (did you mean "management"?)',
            'stacks/org.yaml: quietAccounts[2]: "log-archive" is listed more than once',
        ]);
        org.quietAccounts = ["log-archive", "management", "workload-prod"];
        assert.deepStrictEqual(parseOrg(org, "stacks/org.yaml").quietAccounts, ["log-archive", "management", "workload-prod"]);
    });

    it("leaves ordinary accounts' sign-ins to their usual rows", () => {
        const table = routes([LA]);
        const ordinary = signIn(IAM_SUCCESS, MEMBER, user(MEMBER, "alice"));
        assert.deepStrictEqual(rowsOf(table, ordinary), []);
    });
});
