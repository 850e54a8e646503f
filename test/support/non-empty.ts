import * as assert from "assert";

/**
 * `items`, after failing the test when there are none: a loop of assertions over an empty set passes
 * whatever the code does (a filter that stopped matching, a fixture that lost its rows).
 */
export function nonEmpty<T>(items: readonly T[], what: string): readonly T[] {
    assert.ok(items.length > 0, `${what}: nothing to check`);
    return items;
}
