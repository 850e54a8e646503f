/**
 * What a program logs through `pulumi.log` (the SDK's own warnings included: a deprecated resource
 * type, an undefined stack output) while the offline engine runs it. The Pulumi CLI shows these per
 * stack under "Diagnostics"; without an engine connection the SDK would print them straight to the
 * process's stderr instead, detached from the stack that caused them. The offline engine keeps them
 * with the stack's plan, and `npm run plan` prints them under the stack they belong to.
 */
import * as publicLog from "@pulumi/pulumi/log";

export type DiagnosticSeverity = "info" | "warning" | "error";

/** One message a program logged. */
export interface Diagnostic {
    readonly severity: DiagnosticSeverity;
    readonly message: string;
}

type LogFunction = (msg: string, ...rest: unknown[]) => Promise<void>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const log = require("@pulumi/pulumi/log") as typeof publicLog & Record<"info" | "warn" | "error", LogFunction>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const state = require("@pulumi/pulumi/runtime/state") as { getStore(): { logErrorCount: number } };

const PATCHED = { info: "info", warn: "warning", error: "error" } as const;

/**
 * Records `pulumi.log.info/warn/error` calls into `into` until the returned function is called
 * (debug messages are dropped, as the CLI does by default). An error still counts as one for the
 * SDK, which fails the update when a program logged any.
 */
export function recordDiagnostics(into: Diagnostic[]): () => void {
    const originals = new Map<keyof typeof PATCHED, LogFunction>();
    for (const [fn, severity] of Object.entries(PATCHED) as [keyof typeof PATCHED, DiagnosticSeverity][]) {
        originals.set(fn, log[fn]);
        log[fn] = (msg: string) => {
            if (severity === "error") state.getStore().logErrorCount++;
            into.push({ severity, message: msg });
            return Promise.resolve();
        };
    }
    return () => {
        for (const [fn, original] of originals) log[fn] = original;
    };
}
