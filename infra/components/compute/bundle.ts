/**
 * A TypeScript Lambda handler bundled into one CommonJS file with esbuild, at plan time, in the
 * program itself: `pulumi up` deploys exactly what the repository's sources say, with no build step
 * beside the program. The output depends on the sources alone (no timestamps, paths relative to the
 * project root, no source map), so two plans of the same commit give the same bundle and the same
 * hash, and a plan diff shows a code change only when the handler's sources changed.
 *
 * The AWS SDK v3 is left out of the bundle: every Node.js runtime from nodejs18.x on includes it
 * (Lambda Developer Guide, "Building Lambda functions with Node.js": the runtimes ship the SDK for
 * JavaScript v3), which keeps each bundle small and lets tests load the bundle with the SDK clients
 * mocked. The handlers call only long-stable APIs (S3, CloudTrail, EventBridge, STS, IAM, EC2).
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { buildSync } from "esbuild";

/** The Lambda runtime the bundles are built for, and esbuild's target for it. */
export const LAMBDA_RUNTIME = "nodejs22.x";
export const BUNDLE_TARGET = "node22";
/** Packages the runtime provides: imported by the bundle, not copied into it. */
export const RUNTIME_PACKAGES: readonly string[] = ["@aws-sdk/*"];
/** The file the bundle is in inside the function's package (the handler is `index.<export>`). */
export const BUNDLE_FILE = "index.js";

export interface HandlerBundle {
    /** The bundled module. */
    readonly code: string;
    /** Base64 SHA-256 of `code`: the function's `sourceCodeHash`, so a changed bundle updates the function. */
    readonly sha256: string;
    /** Source files inside the bundle, relative to the project root, sorted. */
    readonly sources: readonly string[];
}

/** The project root: source paths in the bundle are relative to it, so the bundle is the same in every checkout. */
export const PROJECT_ROOT = path.resolve(__dirname, "..", "..", "..");

const cache = new Map<string, HandlerBundle>();

/**
 * The module at `entry` (absolute; `.ts`, or `.js` when the program runs compiled) as a Lambda
 * handler bundle. Bundled once per process and entry: every stack of a plan that deploys the same
 * handler reuses it. Throws esbuild's errors, naming the file and line.
 */
export function bundleHandler(entry: string, o: { readonly root?: string; readonly cached?: boolean } = {}): HandlerBundle {
    const file = resolveEntry(entry);
    const root = o.root ?? PROJECT_ROOT;
    const key = `${root}\0${file}`;
    const hit = o.cached === false ? undefined : cache.get(key);
    if (hit) return hit;
    const result = buildSync({
        entryPoints: [file],
        absWorkingDir: root,
        bundle: true,
        platform: "node",
        target: BUNDLE_TARGET,
        format: "cjs",
        external: [...RUNTIME_PACKAGES],
        write: false,
        metafile: true,
        sourcemap: false,
        minify: false,
        keepNames: true,
        legalComments: "none",
        charset: "utf8",
        logLevel: "silent",
    });
    const code = result.outputFiles[0].text;
    const bundle: HandlerBundle = {
        code,
        sha256: crypto.createHash("sha256").update(code).digest("base64"),
        sources: Object.keys(result.metafile.inputs).sort(),
    };
    if (o.cached !== false) cache.set(key, bundle);
    return bundle;
}

/** `entry` as given when it exists, else the same module compiled (`.js`): the program may run from TypeScript or from its build. */
function resolveEntry(entry: string): string {
    if (!path.isAbsolute(entry)) throw new Error(`bundleHandler: entry ${JSON.stringify(entry)} must be an absolute path`);
    if (fs.existsSync(entry)) return entry;
    const js = entry.replace(/\.ts$/, ".js");
    if (js !== entry && fs.existsSync(js)) return js;
    throw new Error(`bundleHandler: no handler module at ${entry}`);
}
