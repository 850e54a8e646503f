import type { Json } from "../engine/wire";

/** What the estimate reads of a planned resource (a `PlannedResource` or a plan file's resource). */
export interface EstimatedResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly parent: string | null;
    readonly dependencies: readonly string[];
    readonly inputs: Readonly<Record<string, Json>>;
    /** False for components and the stack: they group resources and create nothing in AWS. */
    readonly custom: boolean;
    /** Set when the resource is adopted with `import`: deploying it reads, it creates nothing. */
    readonly importId?: string | null;
}

/** The region a resource is bound to: its v7 `region` input, else the region of its provider (the home region). */
export function regionOf(r: EstimatedResource, home: string): string {
    return typeof r.inputs.region === "string" ? r.inputs.region : home;
}
