/**
 * Compiling a program's TypeScript the way Pulumi's Node.js language host does (cmd/run/run.ts of
 * `@pulumi/pulumi` 3.248): ts-node with the program's own tsconfig (`runtime.options.tsconfig`, else
 * `tsconfig.json` in the project folder, else none) and the program's own `typescript` package when it
 * has one. The language host's defaults apply where the tsconfig is silent (target ES2020; for an ES
 * module ES2022 and `nodenext`). Two deliberate differences, both so a check judges what the program
 * deploys rather than how it is typed: type errors do not stop a check (transpile only), and a
 * CommonJS program is always emitted as CommonJS (what Node will load).
 *
 * The CLI itself runs under ts-node with this repository's settings; the program's files get their
 * own compiler through a `.ts` handler that takes precedence for files of the program (outside this
 * repository's own code and outside node_modules). ES-module programs load through ts-node's ESM
 * hooks, registered with `module.register` and configured through ts-node's environment variables.
 */
import * as fs from "fs";
import * as path from "path";
import Module = require("module");
import { pathToFileURL } from "url";
import type { ProgramProject } from "./project";
import type { ProgramEntry } from "./entry";
import { ProgramError } from "./program-error";

const REPO_ROOT = path.resolve(__dirname, "..", "..");
/** This repository's own code, compiled by the CLI's ts-node: never the program's. */
const OWN_CODE = ["infra", "policy-pack", "test/support"].map((d) => path.join(REPO_ROOT, d) + path.sep);

interface TsService {
    compile(code: string, fileName: string): string;
}
interface TsNode {
    create(options: Record<string, unknown>): TsService;
}
interface TypeScriptApi {
    readConfigFile(file: string, read: (p: string) => string | undefined): { config?: { compilerOptions?: Record<string, unknown> }; error?: { messageText: unknown } };
    sys: { readFile(p: string): string | undefined };
}
type Handler = (m: NodeJS.Module & { _compile(code: string, file: string): void }, filename: string) => void;

/** The `typescript` package the program would compile with: its own, else this repository's. */
function compilerPath(project: ProgramProject): string {
    try {
        return require.resolve("typescript", { paths: [project.dir] });
    } catch {
        return require.resolve("typescript");
    }
}

function tsconfigPath(project: ProgramProject): string | undefined {
    const file = path.resolve(project.dir, project.tsconfig ?? "tsconfig.json");
    if (fs.existsSync(file)) return file;
    if (project.tsconfig !== undefined) throw new ProgramError(`${project.file}: runtime.options.tsconfig: ${project.tsconfig} was not found in ${project.dir}`);
    return undefined;
}

/** The tsconfig's own compilerOptions (raw JSON), to know what it leaves to the defaults. */
function rawOptions(ts: TypeScriptApi, file: string | undefined): Record<string, unknown> {
    if (!file) return {};
    const read = ts.readConfigFile(file, (p) => ts.sys.readFile(p));
    if (read.error) throw new ProgramError(`${file}: ${typeof read.error.messageText === "string" ? read.error.messageText : "cannot be read"}`);
    return read.config?.compilerOptions ?? {};
}

function isProgramFile(filename: string): boolean {
    if (filename.includes(`${path.sep}node_modules${path.sep}`)) return false;
    return !OWN_CODE.some((d) => filename.startsWith(d));
}

let registered = false;

/** Registers the program's TypeScript compilation (once per process: the CLI checks one program). */
export function registerProgramTypeScript(project: ProgramProject, entry: ProgramEntry): void {
    if (!project.typescript || registered) return;
    registered = true;
    const compiler = compilerPath(project);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ts = require(compiler) as TypeScriptApi;
    const tsconfig = tsconfigPath(project);
    const raw = rawOptions(ts, tsconfig);
    if (entry.esm) {
        // ts-node's ESM hooks run on Node's loader thread and read their settings from the environment.
        process.env.TS_NODE_TRANSPILE_ONLY = "true";
        process.env.TS_NODE_COMPILER = compiler;
        process.env.TS_NODE_CWD = project.dir;
        if (tsconfig) process.env.TS_NODE_PROJECT = tsconfig;
        else process.env.TS_NODE_SKIP_PROJECT = "true";
        process.env.TS_NODE_COMPILER_OPTIONS = JSON.stringify({ target: raw.target ?? "ES2022", module: "nodenext", moduleResolution: "nodenext", sourceMap: true });
        (Module as unknown as { register(specifier: string, parentURL: string): void }).register(
            pathToFileURL(require.resolve("ts-node/esm")).href,
            pathToFileURL(project.dir + path.sep).href,
        );
        return;
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tsnode = require("ts-node") as TsNode;
    const service = tsnode.create({
        compiler,
        transpileOnly: true,
        cwd: project.dir,
        project: tsconfig,
        skipProject: tsconfig === undefined,
        compilerOptions: { target: raw.target ?? "ES2020", module: "commonjs", moduleResolution: "node", sourceMap: true },
    });
    const extensions = (Module as unknown as { _extensions: Record<string, Handler> })._extensions;
    for (const ext of [".ts", ".tsx", ".cts"]) {
        const previous = extensions[ext] ?? extensions[".js"];
        extensions[ext] = (m, filename) => {
            if (!isProgramFile(filename)) return previous(m, filename);
            m._compile(service.compile(fs.readFileSync(filename, "utf8"), filename), filename);
        };
    }
}
