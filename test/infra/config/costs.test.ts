/**
 * Costly switches say what they cost, and `profile: essential` in the org file turns the costly
 * extras off in one line, for every stack, while a value a stack file sets still wins.
 */
import { strict as assert } from "assert";
import { costlySettings } from "../../../infra/config/costs";
import { parseOrg } from "../../../infra/config/org";
import { parseStack } from "../../../infra/config/stack";
import { renderConfigReference } from "../../../infra/config/reference";
import type { SecuritySettings } from "../../../infra/config/settings/security";
import { configProblems } from "../../support/errors";
import { referenceOrg } from "../../support/plan";

/** The costly extras the essential profile turns off (the list: Macie, Detective, Inspector, every GuardDuty plan, data events; and Insights). */
const EXTRAS = [
    "trail.dataEvents",
    "trail.insights",
    "guardDuty.protections.s3DataEvents",
    "guardDuty.protections.eksAuditLogs",
    "guardDuty.protections.ebsMalwareProtection",
    "guardDuty.protections.rdsLoginEvents",
    "guardDuty.protections.lambdaNetworkLogs",
    "guardDuty.protections.runtimeMonitoring",
    "guardDuty.protections.aiProtection",
    "inspector.enabled",
    "macie.enabled",
    "detective.enabled",
];
/** Costly switches the essential profile keeps as they are: the core a landing zone cannot do without. */
const KEPT = { "lz:security": ["orgRules", "guardDuty.enabled", "securityHub.enabled", "accessAnalyzer.unusedAccess"], "lz:member": ["config.recordingFrequency", "logSubscription.enabled"], "lz:logArchive": ["replicaRegion"] };

function security(profile: string | undefined, settings: Record<string, unknown> = {}) {
    const raw = referenceOrg();
    if (profile !== undefined) raw.profile = profile;
    const org = parseOrg(raw, "stacks/org.yaml");
    return parseStack("security", "stacks/Pulumi.security.yaml", { "lz:role": "security", "lz:security": JSON.stringify(settings) }, org).settings as SecuritySettings;
}

function at(settings: unknown, path: string): unknown {
    return path.split(".").reduce((v: any, k) => v?.[k], settings);
}

describe("costly settings", () => {
    const costly = costlySettings();

    it("name a pricing unit and an AWS pricing page for every costly switch", () => {
        const expected = [...EXTRAS.map((k) => `lz:security ${k}`), ...Object.entries(KEPT).flatMap(([where, keys]) => keys.map((k) => `${where} ${k}`))];
        assert.ok(costly.length > 0);
        for (const e of expected) {
            const c = costly.find((x) => `${x.where} ${x.key}` === e);
            assert.ok(c, `${e} carries no cost`);
            assert.match(c.cost.unit, /^per /, e);
            assert.match(c.cost.pricing, /^https:\/\/aws\.amazon\.com\/[\w/-]+\/pricing\/$/, e);
        }
    });

    it("show their cost and their essential default in the configuration reference", () => {
        const ref = renderConfigReference();
        assert.match(ref, /\| `macie\.enabled` \| true or false \| `true` \| Macie organisation auto-enable in every enabled region\. \*\*Cost:\*\* per S3 bucket monitored per month, .*\(\[pricing\]\(https:\/\/aws\.amazon\.com\/macie\/pricing\/\)\)\. \*\*`essential` profile:\*\* `false`\. \|/);
        assert.match(ref, /\| lz:security \| `guardDuty\.protections\.runtimeMonitoring` \| per vCPU-hour monitored \(\[pricing\]\(https:\/\/aws\.amazon\.com\/guardduty\/pricing\/\)\) \| `true` \| `false` \|/);
    });

    it("keep every detection service and data source on under the default profile", () => {
        const s = security(undefined);
        for (const k of EXTRAS) assert.equal(at(s, k), true, k);
    });

    it("turn every costly extra off, and nothing else, under profile essential", () => {
        const full = security("full");
        const essential = security("essential");
        for (const k of EXTRAS) assert.equal(at(essential, k), false, k);
        for (const k of KEPT["lz:security"]) assert.deepEqual(at(essential, k), at(full, k), k);
        assert.deepEqual({ ...essential, trail: full.trail, guardDuty: full.guardDuty, inspector: full.inspector, macie: full.macie, detective: full.detective }, full);
    });

    it("let a value the stack file sets win over the profile", () => {
        const s = security("essential", { trail: { dataEvents: true }, guardDuty: { protections: { runtimeMonitoring: true } } });
        assert.equal(s.trail.dataEvents, true);
        assert.equal(s.guardDuty.protections.runtimeMonitoring, true);
        assert.equal(s.guardDuty.protections.s3DataEvents, false);
    });

    it("refuse Macie, Detective or Inspector switched on under essential, whose delegated administrator the management stack then does not designate", () => {
        assert.deepEqual(configProblems(() => security("essential", { macie: { enabled: true }, detective: { enabled: true } })), [
            "stacks/Pulumi.security.yaml: lz:security.macie.enabled: is true, but under profile essential (stacks/org.yaml) the management stack designates no Macie delegated administrator; remove the key or set profile: full",
            "stacks/Pulumi.security.yaml: lz:security.detective.enabled: is true, but under profile essential (stacks/org.yaml) the management stack designates no Detective delegated administrator; remove the key or set profile: full",
        ]);
    });

    it("refuse a profile that does not exist, listing the allowed ones", () => {
        const raw = referenceOrg();
        raw.profile = "cheap";
        assert.deepEqual(configProblems(() => parseOrg(raw, "stacks/org.yaml")), ['stacks/org.yaml: profile: "cheap" is not allowed; use one of "full", "essential"']);
    });
});
