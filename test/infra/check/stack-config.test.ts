import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { programEntry } from "../../../infra/check/entry";
import { ProgramError } from "../../../infra/check/program-error";
import { readProgramProject } from "../../../infra/check/project";
import { loadStackConfig } from "../../../infra/check/stack-config";

/** A program folder with the given files (path → text). */
function project(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lz-check-project-"));
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

describe("check: a program's project, stack config and entry point", () => {
    const dirs: string[] = [];
    const make = (files: Record<string, string>) => {
        const d = project(files);
        dirs.push(d);
        return d;
    };
    after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

    it("layers project config, the stack file and --config pairs; bare keys take the project's namespace", () => {
        const dir = make({
            "Pulumi.yaml": "name: shop\nruntime: nodejs\nconfig:\n  replicas:\n    type: integer\n    default: 2\n  aws:region: us-west-2\n  logLevel:\n    value: info\n",
            "Pulumi.prod.yaml": "config:\n  shop:replicas: 3\n  aws:region: eu-west-1\n  shop:tags:\n    team: web\n  shop:debug: false\n",
        });
        const c = loadStackConfig(readProgramProject(dir), { stack: "prod", overrides: ["shop:logLevel=warn"] });
        assert.equal(c.stack, "prod");
        assert.deepEqual(c.config, { "shop:replicas": "3", "aws:region": "eu-west-1", "shop:logLevel": "warn", "shop:tags": '{"team":"web"}', "shop:debug": "false" });
        assert.deepEqual(c.secretKeys, []);
    });

    it("keeps secrets opaque: a secure value becomes [secret] and its key is marked secret, in nested values too", () => {
        const dir = make({
            "Pulumi.yaml": "name: shop\nruntime: nodejs\n",
            "Pulumi.dev.yaml": "config:\n  shop:dbPassword:\n    secure: v1:abc:def\n  shop:creds:\n    user: admin\n    token:\n      secure: v1:ghi:jkl\n",
        });
        const c = loadStackConfig(readProgramProject(dir), {});
        assert.equal(c.stack, "dev", "the project's only stack file is the stack");
        assert.equal(c.config["shop:dbPassword"], "[secret]");
        assert.deepEqual(JSON.parse(c.config["shop:creds"]), { user: "admin", token: "[secret]" });
        assert.deepEqual(c.secretKeys, ["shop:creds", "shop:dbPassword"]);
    });

    it("uses the stack named by --stack even without a stack file, and stacks/ when stackConfigDir says so", () => {
        const dir = make({ "Pulumi.yaml": "name: shop\nruntime: nodejs\nstackConfigDir: stacks\n", "stacks/Pulumi.qa.yaml": "config:\n  shop:x: y\n" });
        assert.deepEqual(loadStackConfig(readProgramProject(dir), {}).config, { "shop:x": "y" });
        const named = loadStackConfig(readProgramProject(dir), { stack: "acme/shop/staging" });
        assert.equal(named.stack, "staging");
        assert.equal(named.file, undefined);
    });

    it("names the file when a stack file is not YAML, and refuses runtimes other than Node.js", () => {
        const bad = make({ "Pulumi.yaml": "name: shop\nruntime: nodejs\n", "Pulumi.dev.yaml": "config: [unclosed\n" });
        assert.throws(() => loadStackConfig(readProgramProject(bad), {}), (e: unknown) => e instanceof ProgramError && e.message.startsWith(`${path.join(bad, "Pulumi.dev.yaml")}: not valid YAML`));
        const py = make({ "Pulumi.yaml": "name: shop\nruntime: python\n" });
        assert.throws(() => readProgramProject(py), /runtime: "python": check runs Node\.js programs \(runtime: nodejs\)/);
    });

    it("reads runtime options: typescript false and a tsconfig of its own", () => {
        const dir = make({ "Pulumi.yaml": "name: shop\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n    tsconfig: tsconfig.pulumi.json\n" });
        const p = readProgramProject(dir);
        assert.equal(p.typescript, false);
        assert.equal(p.tsconfig, "tsconfig.pulumi.json");
    });

    it("finds the entry point as the language host does: Pulumi.yaml main, else package.json main, else the folder", () => {
        const withMain = make({ "Pulumi.yaml": "name: a\nruntime: nodejs\nmain: src/\n", "package.json": '{"main":"lib/index.js"}', "src/index.ts": "", "lib/index.js": "" });
        assert.equal(programEntry(readProgramProject(withMain)).path, path.join(withMain, "src"));
        const pkgMain = make({ "Pulumi.yaml": "name: b\nruntime: nodejs\n", "package.json": '{"main":"lib/index.js"}', "lib/index.js": "" });
        assert.equal(programEntry(readProgramProject(pkgMain)).path, path.join(pkgMain, "lib", "index.js"));
        const folder = make({ "Pulumi.yaml": "name: c\nruntime: nodejs\n", "package.json": '{"main":"missing.js"}', "index.ts": "" });
        assert.equal(programEntry(readProgramProject(folder)).path, folder, "a package.json main that does not exist falls back to the folder");
    });

    it("loads an ES-module package through its index file and reports a main that does not exist", () => {
        const esm = make({ "Pulumi.yaml": "name: e\nruntime: nodejs\n", "package.json": '{"type":"module"}', "index.ts": "" });
        const entry = programEntry(readProgramProject(esm));
        assert.deepEqual([entry.esm, entry.path], [true, path.join(esm, "index.ts")]);
        const missing = make({ "Pulumi.yaml": "name: m\nruntime: nodejs\nmain: app/main.ts\n" });
        assert.throws(() => programEntry(readProgramProject(missing)), /main: app\/main\.ts: no such file or folder/);
    });
});
