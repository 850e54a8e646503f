import { DEFAULT_ORG_FILE, loadOrg } from "../config/load";
import type { OrgModel, StackModel } from "../config/model";
import { NAMESPACE, parseStack } from "../config/stack";

/** A stack as the planner found it: name, file and the config Pulumi hands its program. */
export interface StackConfigSource {
    readonly stack: string;
    readonly file: string;
    readonly config: Readonly<Record<string, string>>;
}

/**
 * The validated models of stacks, as their programs load them (org file per `lz:orgFile`), and the
 * organisation of the first: what the estimate multiplies the plans by.
 */
export function stackModels(root: string, sources: readonly StackConfigSource[]): { org: OrgModel; models: Map<string, StackModel> } {
    const orgs = new Map<string, OrgModel>();
    const models = new Map<string, StackModel>();
    for (const s of sources) {
        const file = s.config[`${NAMESPACE}:orgFile`] ?? DEFAULT_ORG_FILE;
        if (!orgs.has(file)) orgs.set(file, loadOrg(root, file));
        models.set(s.stack, parseStack(s.stack, s.file, s.config, orgs.get(file)!));
    }
    const org = [...orgs.values()][0];
    if (org === undefined) throw new Error("no stack to estimate");
    return { org, models };
}
