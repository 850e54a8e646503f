/**
 * Loading a handler bundle as Lambda would: the bundle's code compiled as a CommonJS module placed in
 * the repository, so its `require("@aws-sdk/…")` (left out of the bundle, which the runtime provides)
 * resolves to the very SDK modules the test mocks with aws-sdk-client-mock.
 */
import Module = require("module");
import * as path from "path";
import { REPO_ROOT } from "./plan";

interface CompilableModule {
    paths: string[];
    exports: Record<string, unknown>;
    _compile(code: string, filename: string): void;
}

/** The exports of the bundled `code`, as the function's `index.js` would give them. */
export function loadBundle(code: string, name = "bundle"): Record<string, unknown> {
    const filename = path.join(REPO_ROOT, ".lambda", name, "index.js");
    const m = new Module(filename) as unknown as CompilableModule;
    m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(REPO_ROOT);
    m._compile(code, filename);
    return m.exports;
}
