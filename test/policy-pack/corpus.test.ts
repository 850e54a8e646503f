/**
 * The pack's corpus: for each log source the pack judges from its own rule, one program that gets
 * it wrong and one that gets it right (test/fixtures/programs/<name>/index.ts), run exactly as
 * `npm run check` runs them (the program under the offline engine, the pack through the SDK
 * analyzer). The update run must report exactly the violations listed here, every rule counted;
 * the preview run may turn a finding into a "cannot verify until apply" advisory, never add a
 * mandatory one.
 */
import * as assert from "assert";
import * as path from "path";
import { runProgram } from "../../infra/check/program";
import { evaluatePack, type PackResult } from "../../policy-pack/harness/evaluate";
import { ruleByName } from "../../policy-pack/rules";
import { REPO_ROOT } from "../support/plan";
import { fromPlan } from "./support";

const PROGRAMS = path.join(REPO_ROOT, "test", "fixtures", "programs");

interface Entry {
    /** The rule the pair is about. */
    readonly rule: string;
    readonly violating: string;
    /** `level policy name` of every violation the update run reports. */
    readonly reports: readonly string[];
    readonly clean: string;
    /** Advisories the clean program still gets in preview (values only known after apply). */
    readonly cleanPreview?: readonly string[];
}

const CORPUS: readonly Entry[] = [
    { rule: "lz-rds-postgres-instance-query-logging", violating: "rds-postgres-no-query-logging", reports: ["mandatory lz-rds-postgres-instance-query-logging orders"], clean: "rds-postgres-query-logging" },
    { rule: "lz-rds-postgres-cluster-query-logging", violating: "aurora-postgres-no-query-logging", reports: ["mandatory lz-rds-postgres-cluster-query-logging analytics"], clean: "aurora-postgres-query-logging" },
    // Two findings on one cluster: the audit log is not exported, and its group turns auditing off.
    { rule: "lz-docdb-audit-logs", violating: "docdb-no-audit", reports: ["mandatory lz-docdb-audit-logs catalog", "mandatory lz-docdb-audit-logs catalog"], clean: "docdb-audited" },
    { rule: "lz-neptune-audit-logs", violating: "neptune-no-audit", reports: ["mandatory lz-neptune-audit-logs graph"], clean: "neptune-audited" },
    { rule: "lz-mq-broker-logs", violating: "mq-no-logs", reports: ["mandatory lz-mq-broker-logs events", "mandatory lz-mq-broker-logs orders"], clean: "mq-logged" },
    { rule: "lz-ecs-exec-logging", violating: "ecs-exec-unlogged", reports: ["mandatory lz-ecs-exec-logging shop"], clean: "ecs-exec-logged" },
    { rule: "lz-appsync-logging", violating: "appsync-no-logging", reports: ["mandatory lz-appsync-logging orders"], clean: "appsync-logged" },
    { rule: "lz-mwaa-logging", violating: "mwaa-quiet", reports: ["mandatory lz-mwaa-logging pipelines"], clean: "mwaa-logged" },
    { rule: "lz-globalaccelerator-flow-logs", violating: "global-accelerator-no-flow-logs", reports: ["mandatory lz-globalaccelerator-flow-logs edge"], clean: "global-accelerator-flow-logs" },
    {
        rule: "lz-ssm-session-logging",
        violating: "ssm-sessions-unlogged",
        reports: ["mandatory lz-ssm-session-logging session-preferences"],
        clean: "ssm-sessions-logged",
        // The document's content embeds the log group's name, which exists only after apply.
        cleanPreview: ["advisory lz-ssm-session-logging session-preferences"],
    },
    { rule: "lz-apigateway-v2-quick-create-access-logs", violating: "apigw-v2-quick-create", reports: ["mandatory lz-apigateway-v2-quick-create-access-logs orders"], clean: "apigw-v2-explicit-stage" },
    { rule: "lz-lambda-xray-tracing", violating: "lambda-untraced", reports: ["advisory lz-lambda-xray-tracing orders"], clean: "lambda-traced" },
    { rule: "lz-apigateway-xray-tracing", violating: "apigw-rest-untraced", reports: ["advisory lz-apigateway-xray-tracing orders-prod"], clean: "apigw-rest-traced" },
    { rule: "lz-sfn-xray-tracing", violating: "sfn-untraced", reports: ["advisory lz-sfn-xray-tracing checkout"], clean: "sfn-traced" },
    { rule: "lz-ecs-container-insights", violating: "ecs-no-insights", reports: ["advisory lz-ecs-container-insights shop"], clean: "ecs-insights" },
    { rule: "lz-rds-performance-insights", violating: "rds-no-performance-insights", reports: ["advisory lz-rds-performance-insights inventory"], clean: "rds-performance-insights" },
    { rule: "lz-cloudtrail-sns-notification", violating: "trail-no-sns", reports: ["advisory lz-cloudtrail-sns-notification audit"], clean: "trail-sns" },
];

/** Runs a corpus program as `npm run check` does; a program module runs once per require, so each run loads it afresh. */
async function check(program: string, preview: boolean): Promise<PackResult> {
    const dir = path.join(PROGRAMS, program);
    delete require.cache[path.join(dir, "index.ts")];
    const { plan } = await runProgram(dir, { preview });
    return evaluatePack(fromPlan(plan), { preview });
}

const listed = (r: PackResult) => r.violations.map((v) => `${v.level} ${v.policy} ${v.name}`).sort();

describe("the pack's corpus: a violating and a clean program per log source", function () {
    this.timeout(120_000);

    it("pairs each listed rule of the pack with its own two programs", () => {
        assert.strictEqual(CORPUS.length, 17);
        assert.strictEqual(new Set(CORPUS.map((e) => e.rule)).size, CORPUS.length);
        assert.strictEqual(new Set(CORPUS.flatMap((e) => [e.violating, e.clean])).size, 2 * CORPUS.length);
        for (const e of CORPUS) assert.ok(ruleByName(e.rule), `${e.rule} is a rule of the pack`);
    });

    for (const e of CORPUS) {
        it(`${e.violating}: ${e.rule} and nothing else reports it (update), and preview adds no mandatory finding`, async () => {
            const update = listed(await check(e.violating, false));
            assert.ok(update.length > 0);
            assert.deepStrictEqual(update, [...e.reports].sort());
            const preview = (await check(e.violating, true)).violations.filter((v) => v.level !== "advisory");
            for (const v of preview) assert.ok(update.includes(`${v.level} ${v.policy} ${v.name}`), `preview only: ${v.policy} ${v.name}`);
        });
        it(`${e.clean}: no violation from any rule (update)${e.cleanPreview ? ", only the listed advisories in preview" : " or preview"}`, async () => {
            assert.deepStrictEqual(listed(await check(e.clean, false)), []);
            assert.deepStrictEqual(listed(await check(e.clean, true)), [...(e.cleanPreview ?? [])].sort());
        });
    }
});
