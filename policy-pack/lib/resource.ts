/** The resource objects rules read: raw props behind the SDK proxy, tags parsed once. */
import type { Res } from "./rule";
import { get, tags, unproxy, type Unknown } from "./values";

export class Resource implements Res {
    private tagCache: Record<string, string> | Unknown | undefined;
    readonly props: Record<string, unknown>;
    constructor(
        readonly urn: string,
        readonly name: string,
        readonly type: string,
        rawProps: unknown,
        readonly parent: string | undefined,
        readonly dependencies: readonly string[],
        readonly propertyDependencies: Readonly<Record<string, readonly string[]>>,
    ) {
        this.props = unproxy(rawProps);
    }
    get tags(): Record<string, string> | Unknown {
        if (this.tagCache === undefined) this.tagCache = tags(this.props);
        return this.tagCache;
    }
    get(path: string): unknown {
        return get(this.props, path);
    }
}

export const NO_DEPS: readonly string[] = [];
export const NO_PROP_DEPS: Readonly<Record<string, readonly string[]>> = {};

export function toRes(
    urn: string,
    name: string,
    type: string,
    rawProps: unknown,
    parent?: string,
    dependencies: readonly string[] = NO_DEPS,
    propertyDependencies: Readonly<Record<string, readonly string[]>> = NO_PROP_DEPS,
): Res {
    return new Resource(urn, name, type, rawProps, parent, dependencies, propertyDependencies);
}

