/**
 * House rules of the pack: one rule per file, file name ↔ export ↔ rule name,
 * every rule registered and documented in the generated controls matrix, complete metadata,
 * real type tokens, and a pack folder that publishes on its own.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { controlsMatrix, CONTROLS_DOC } from "../../policy-pack/harness/controls-doc";
import { resolveConfig } from "../../policy-pack/harness/evaluate";
import type { Rule } from "../../policy-pack/lib/rule";
import { ALL_RULES } from "../../policy-pack/rules";

const PACK = path.resolve(__dirname, "..", "..", "policy-pack");
const AWS = path.dirname(require.resolve("@pulumi/aws/package.json"));

function walk(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === "node_modules" ? [] : walk(path.join(dir, e.name))) : [path.join(dir, e.name)]));
}

const ruleFiles = walk(path.join(PACK, "policies")).filter((f) => f.endsWith(".ts")).sort();
const camel = (s: string) => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Tokens of @pulumi/aws v5 that v7 no longer ships (pre-rename load balancer modules). */
const V5_ONLY = new Set(["aws:elasticloadbalancingv2/loadBalancer:LoadBalancer", "aws:elasticloadbalancing/loadBalancer:LoadBalancer"]);

function tokenExistsInV7(token: string): boolean {
    const mod = token.split(":")[1].split("/")[0];
    const dir = path.join(AWS, mod);
    if (!fs.existsSync(dir)) return false;
    return fs.readdirSync(dir).some((f) => f.endsWith(".js") && fs.readFileSync(path.join(dir, f), "utf8").includes(`"${token}"`));
}

describe("policy pack conventions", () => {
    it("has at least 40 rules with unique names", () => {
        assert.ok(ALL_RULES.length >= 40, `${ALL_RULES.length} rules`);
        assert.strictEqual(new Set(ALL_RULES.map((r) => r.name)).size, ALL_RULES.length);
    });

    it("has one rule per file: policies/<service>/<what>.ts exports <serviceWhat> named lz-<service>-<what>, registered in ALL_RULES", () => {
        const seen = new Set<Rule>();
        for (const file of ruleFiles) {
            const rel = path.relative(path.join(PACK, "policies"), file).replace(/\.ts$/, "");
            const [service, what] = rel.split(path.sep);
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const mod = require(file) as Record<string, unknown>;
            const exportsList = Object.keys(mod);
            assert.deepStrictEqual(exportsList, [camel(`${service}-${what}`)], `${rel}: exports`);
            const rule = mod[exportsList[0]] as Rule;
            assert.strictEqual(rule.name, `lz-${service}-${what}`, `${rel}: rule name`);
            assert.ok(ALL_RULES.includes(rule), `${rule.name} is not registered in policy-pack/rules.ts`);
            seen.add(rule);
        }
        assert.strictEqual(seen.size, ALL_RULES.length, "every registered rule lives in its own file");
    });

    it("gives every rule complete metadata: description, controls, level, severity, fix, types", () => {
        for (const r of ALL_RULES) {
            const m = r.meta;
            assert.ok(m.description.length > 20 && m.remediation.length > 20, `${r.name}: description and remediation`);
            assert.ok(["advisory", "mandatory", "remediate"].includes(m.enforcementLevel), `${r.name}: level`);
            assert.ok(m.enforcementLevel !== "remediate" || r.remediates, `${r.name}: remediate level without a fix`);
            assert.ok(m.controls.nist.length && m.controls.nist.every((c) => /^(AU|SI|SC|CM|CP|IR)-\d+(\(\d+\))?$/.test(c)), `${r.name}: NIST ${m.controls.nist}`);
            assert.ok(m.controls.soc2.length && m.controls.soc2.every((c) => /^CC7\.\d$/.test(c)), `${r.name}: SOC 2 ${m.controls.soc2}`);
            assert.ok(m.controls.securityHub.every((c) => /^[A-Za-z0-9]+\.\d+$/.test(c)), `${r.name}: Security Hub ${m.controls.securityHub}`);
            assert.ok(m.controls.awsConfig.every((c) => /^[a-z0-9-]+$/.test(c)), `${r.name}: Config ${m.controls.awsConfig}`);
            assert.ok(m.controls.cis.every((c) => /^\d+\.\d+$/.test(c)), `${r.name}: CIS ${m.controls.cis}`);
            assert.ok(r.types.length > 0, `${r.name}: types`);
            for (const [k, p] of Object.entries(m.config ?? {})) assert.ok(p.description && p.default !== undefined, `${r.name}.${k}: description and default`);
        }
    });

    it("maps every rule to at least one CIS, Security Hub or AWS Config item, or names the AWS definition it follows instead (destination and custom rules excepted)", () => {
        const nistOnly = ALL_RULES.filter((r) => !r.meta.controls.cis.length && !r.meta.controls.securityHub.length && !r.meta.controls.awsConfig.length);
        for (const r of nistOnly) {
            if (r.meta.follows) continue;
            assert.match(r.name, /destination|stage-access-logs|msk-|lambda-log-format|lambda-data-events|baseline-log-subscription/, `${r.name}: no framework control and no \`follows\``);
        }
    });

    it("points every `follows` at an AWS documentation page and says what the rule does because of it", () => {
        const following = ALL_RULES.filter((r) => r.meta.follows);
        assert.ok(following.length > 0);
        for (const r of following) {
            const f = r.meta.follows!;
            assert.match(f.page, /^https:\/\/docs\.aws\.amazon\.com\/[\w./-]+$/, `${r.name}: page`);
            assert.ok(f.control.length > 5 && f.note.length > 40, `${r.name}: control and note`);
            assert.ok(controlsMatrix().includes(`- Follows: ${f.control} ([AWS documentation](${f.page}))`), `${r.name}: follows shown in the rule reference`);
        }
    });

    it("uses type tokens that exist in @pulumi/aws v7, or are known v5-only aliases", () => {
        for (const t of new Set(ALL_RULES.flatMap((r) => r.types))) {
            assert.ok(V5_ONLY.has(t) || tokenExistsInV7(t), `${t} is not a @pulumi/aws v7 type token`);
        }
    });

    it("accepts every rule's defaults as valid config", () => {
        const eff = resolveConfig({});
        for (const r of ALL_RULES) assert.deepStrictEqual(Object.keys(eff.get(r.name)!.properties).sort(), Object.keys(r.configSchema.properties).sort());
    });

    it("keeps docs/controls.md equal to the generated matrix (regenerate: node -r ts-node/register/transpile-only policy-pack/harness/controls-doc.ts)", () => {
        assert.strictEqual(fs.readFileSync(CONTROLS_DOC, "utf8"), controlsMatrix());
        for (const r of ALL_RULES) assert.ok(controlsMatrix().includes(`| \`${r.name}\` |`));
    });

    it("publishes on its own: PulumiPolicy.yaml, index.ts only constructs the pack, no import leaves policy-pack/", () => {
        const meta = parse(fs.readFileSync(path.join(PACK, "PulumiPolicy.yaml"), "utf8"));
        assert.strictEqual(meta.runtime, "nodejs");
        assert.ok(typeof meta.description === "string" && meta.description.length > 20);
        const index = fs.readFileSync(path.join(PACK, "index.ts"), "utf8");
        assert.strictEqual(index.match(/new PolicyPack\(/g)?.length, 1);
        assert.deepStrictEqual([...index.matchAll(/from "([^"]+)"/g)].map((m) => m[1]).sort(), ["./pack", "@pulumi/policy"]);
        for (const f of walk(PACK).filter((x) => x.endsWith(".ts"))) {
            for (const m of fs.readFileSync(f, "utf8").matchAll(/(?:from|require\()\s*"(\.[^"]+)"/g)) {
                const target = path.resolve(path.dirname(f), m[1]);
                assert.ok(target.startsWith(PACK + path.sep), `${path.relative(PACK, f)} imports ${m[1]} from outside policy-pack/`);
            }
        }
        const pkg = JSON.parse(fs.readFileSync(path.join(PACK, "package.json"), "utf8"));
        assert.deepStrictEqual(Object.keys(pkg.dependencies).sort(), ["@pulumi/policy", "@pulumi/pulumi"]);
    });
});
