/** What a failing call reports, for tests that assert the exact text of a validation error. */
import { ConfigError } from "../../infra/config/errors";

/** The message of the error `f` throws; fails the test when it throws none. */
export function errorMessage(f: () => unknown): string {
    try {
        f();
    } catch (e) {
        return (e as Error).message;
    }
    throw new Error("expected an error");
}

/**
 * The problems of the `ConfigError` `f` throws, one `file: path: message` line each; none when it
 * throws nothing. Any other error is rethrown: it is a bug, not a configuration problem.
 */
export function configProblems(f: () => unknown): string[] {
    try {
        f();
        return [];
    } catch (e) {
        if (e instanceof ConfigError) return e.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`);
        throw e;
    }
}
