/**
 * The harness answers exactly what the pack answers when the Pulumi CLI runs it: `index.ts` is
 * started as the CLI starts a policy pack (it prints its port), queried over real gRPC, and its
 * diagnostics compared with the in-process harness's on the same resources.
 */
import * as assert from "assert";
import { spawn, type ChildProcess } from "child_process";
import * as path from "path";
import { evaluatePack, type EvalResource } from "../../policy-pack/harness/evaluate";
import { ALL_RULES } from "../../policy-pack/rules";
import { CASES } from "./cases";

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
const grpc = require("@grpc/grpc-js");
const services = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
const analyzerproto = require("@pulumi/pulumi/proto/analyzer_pb");
const emptyproto = require("google-protobuf/google/protobuf/empty_pb");
const structproto = require("google-protobuf/google/protobuf/struct_pb");
/* eslint-enable @typescript-eslint/no-require-imports */

const PACK = path.resolve(__dirname, "..", "..", "policy-pack");

function call(client: any, method: string, req: unknown): Promise<any> {
    return new Promise((resolve, reject) => client[method](req, (err: unknown, resp: unknown) => (err ? reject(err) : resolve(resp))));
}

describe("policy pack served over gRPC (as the Pulumi CLI runs it)", function () {
    this.timeout(60_000);
    let child: ChildProcess;
    let client: any;

    before(async () => {
        child = spawn(process.execPath, ["-r", require.resolve("ts-node/register/transpile-only"), "index.ts"], { cwd: PACK, stdio: ["ignore", "pipe", "inherit"] });
        const port = await new Promise<string>((resolve, reject) => {
            let out = "";
            child.stdout!.on("data", (d: Buffer) => {
                out += d.toString();
                const m = /^(\d+)\s*$/m.exec(out);
                if (m) resolve(m[1]);
            });
            child.on("exit", (code) => reject(new Error(`policy pack exited with ${code}`)));
        });
        client = new services.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    });

    after(() => {
        client?.close();
        child?.kill();
    });

    it("announces every registered rule with its level and config schema", async () => {
        const info = await call(client, "getAnalyzerInfo", new emptyproto.Empty());
        assert.strictEqual(info.getName(), "lz-logging");
        const policies = info.getPoliciesList();
        assert.deepStrictEqual(policies.map((p: any) => p.getName()), ALL_RULES.map((r) => r.name));
        for (const p of policies) {
            const rule = ALL_RULES.find((r) => r.name === p.getName())!;
            assert.deepStrictEqual(Object.keys(p.getConfigschema().getProperties().toJavaScript()).sort(), Object.keys(rule.configSchema.properties).sort());
        }
    });

    it("reports the same resource and stack diagnostics over gRPC as the in-process harness, for every resource rule's violating case", async () => {
        const resources: EvalResource[] = [];
        for (const rule of ALL_RULES) {
            if (rule.kind !== "resource") continue;
            for (const r of CASES[rule.name].violating(rule.types[0])) resources.push({ ...r, urn: `${r.urn}-${rule.name}`, name: `${r.name}-${rule.name}` });
        }
        const local = await evaluatePack(resources, { config: { all: "mandatory" } });
        const cfg = new analyzerproto.ConfigureAnalyzerRequest();
        for (const rule of ALL_RULES) {
            const pc = new analyzerproto.PolicyConfig();
            pc.setEnforcementlevel(analyzerproto.EnforcementLevel.MANDATORY);
            const props: Record<string, unknown> = {};
            for (const [k, s] of Object.entries(rule.configSchema.properties)) props[k] = (s as { default: unknown }).default;
            pc.setProperties(structproto.Struct.fromJavaScript(props));
            cfg.getPolicyconfigMap().set(rule.name, pc);
        }
        await call(client, "configure", cfg);
        const remote: string[] = [];
        for (const r of resources) {
            const req = new analyzerproto.AnalyzeRequest();
            req.setType(r.type);
            req.setUrn(r.urn);
            req.setName(r.name);
            req.setProperties(structproto.Struct.fromJavaScript(JSON.parse(JSON.stringify(r.props))));
            req.setOptions(new analyzerproto.AnalyzerResourceOptions());
            const resp = await call(client, "analyze", req);
            for (const d of resp.getDiagnosticsList()) remote.push(`${d.getPolicyname()} ${r.urn} ${d.getMessage()}`);
        }
        const stackReq = new analyzerproto.AnalyzeStackRequest();
        stackReq.setResourcesList(
            resources.map((r) => {
                const ar = new analyzerproto.AnalyzerResource();
                ar.setType(r.type);
                ar.setUrn(r.urn);
                ar.setName(r.name);
                ar.setProperties(structproto.Struct.fromJavaScript(JSON.parse(JSON.stringify(r.props))));
                ar.setOptions(new analyzerproto.AnalyzerResourceOptions());
                return ar;
            }),
        );
        const stackResp = await call(client, "analyzeStack", stackReq);
        for (const d of stackResp.getDiagnosticsList()) remote.push(`${d.getPolicyname()} ${d.getUrn() || null} ${d.getMessage()}`);
        const mine = local.violations.map((v) => `${v.policy} ${v.urn} ${v.message}`);
        assert.ok(remote.length >= 20);
        assert.deepStrictEqual(mine.sort(), remote.sort());
    });
});
