/**
 * Which Pulumi SDK the program runs on, and making the offline engine drive that one.
 *
 * A program imports `@pulumi/pulumi` and `@pulumi/aws` from its own node_modules, in the versions it
 * was written for (aws v6 or v7, whatever SDK its lockfile holds). The mock monitor must be set on
 * the runtime the program actually loads, so the engine (`infra/engine/`) is loaded only after its
 * imports of `@pulumi/pulumi` (and the `google-protobuf` that SDK builds its messages with) are
 * pointed at the program's copy. A program folder with no `@pulumi/pulumi` or `@pulumi/aws` of its own
 * (a fixture inside this repository finds this repository's through Node's normal lookup; a bare
 * folder elsewhere finds none) gets this repository's copies instead of failing to load.
 */
import * as fs from "fs";
import * as path from "path";
import Module = require("module");
import { ProgramError } from "./program-error";

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const ENGINE_DIR = path.join(REPO_ROOT, "infra", "engine") + path.sep;
/** Packages a program may lack, that then come from this repository. */
const FALLBACK = ["@pulumi/pulumi", "@pulumi/aws"];

export interface ProgramSdk {
    /** Folder of the `@pulumi/pulumi` package the program and the engine use. */
    readonly dir: string;
    readonly version: string;
    /** True when it is the program's own (not this repository's fallback copy). */
    readonly own: boolean;
}

type Resolve = (request: string, parent: { filename?: string } | undefined, isMain: boolean, options?: unknown) => string;
const mod = Module as unknown as { _resolveFilename: Resolve };

function packageOf(request: string, names: readonly string[]): string | undefined {
    return names.find((p) => request === p || request.startsWith(`${p}/`));
}

function locate(from: string): string | undefined {
    try {
        return path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [from] }));
    } catch {
        return undefined;
    }
}

let installed: ProgramSdk | undefined;

/**
 * Finds the SDK the program at `from` (its entry folder) resolves, and installs the module-resolution
 * hooks: the engine's SDK imports go to that copy; a program's import of a package it does not have
 * goes to this repository's copy. Once per process.
 */
export function useProgramSdk(from: string): ProgramSdk {
    if (installed) return installed;
    const own = locate(from);
    const dir = own ?? path.dirname(require.resolve("@pulumi/pulumi/package.json"));
    const version = String((JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { version?: unknown }).version);
    const original = mod._resolveFilename;
    mod._resolveFilename = function (this: unknown, request, parent, isMain, options) {
        const fromEngine = parent?.filename?.startsWith(ENGINE_DIR) === true;
        if (fromEngine && packageOf(request, ["@pulumi/pulumi"])) return original.call(this, request, parent, isMain, { paths: [dir] });
        if (fromEngine && packageOf(request, ["google-protobuf"])) return original.call(this, request, parent, isMain, { paths: [dir] });
        try {
            return original.call(this, request, parent, isMain, options);
        } catch (e) {
            if (!packageOf(request, FALLBACK) || (e as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw e;
            return original.call(this, request, parent, isMain, { paths: [__dirname] });
        }
    } as Resolve;
    installed = { dir, version, own: own !== undefined };
    assertSupported(installed);
    return installed;
}

/** The SDK internals the mock engine drives; an SDK without them is too old to check offline. */
function assertSupported(sdk: ProgramSdk): void {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const settings = require(path.join(sdk.dir, "runtime", "settings")) as Record<string, unknown>;
    const state = require(path.join(sdk.dir, "runtime", "state")) as Record<string, unknown>;
    /* eslint-enable @typescript-eslint/no-require-imports */
    const missing = [
        typeof settings.setMockOptions === "function" ? "" : "runtime/settings.setMockOptions",
        typeof settings.waitForRPCs === "function" ? "" : "runtime/settings.waitForRPCs",
        typeof state.getStore === "function" ? "" : "runtime/state.getStore",
    ].filter(Boolean);
    if (missing.length) {
        throw new ProgramError(`the program's @pulumi/pulumi ${sdk.version} (${sdk.dir}) lacks ${missing.join(", ")}, which the offline engine drives; upgrade the program to a current @pulumi/pulumi 3.x`);
    }
}
