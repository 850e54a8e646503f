import { loadOrg, DEFAULT_ORG_FILE } from "./config/load";
import { parseStack, NAMESPACE } from "./config/stack";
import type { StackModel } from "./config/model";
import { accountProvider, type AssumedRole } from "./providers";
import type { RoleOutputs } from "./accounts/context";
import { runManagementStack } from "./accounts/management";
import { runLogArchiveStack } from "./accounts/log-archive";
import { runSecurityStack } from "./accounts/security";
import { runMemberStack } from "./accounts/member";
import { runBootstrapStack } from "./accounts/bootstrap";

export interface ProgramInput {
    /** Repository root: where `Pulumi.yaml` and `stacks/` are. */
    readonly root: string;
    /** Pulumi stack name. */
    readonly stack: string;
    /** The stack's config as Pulumi hands it to a program (`ns:key` → string). */
    readonly config: Readonly<Record<string, string>>;
    /**
     * The role the account's provider assumes: `preview` for read-only previews and drift checks.
     * @default "deployment"
     */
    readonly assume?: AssumedRole;
}

/** Stack file of a stack, relative to the repository root (`stackConfigDir: stacks`). */
export function stackFile(stack: string): string {
    return `stacks/Pulumi.${stack}.yaml`;
}

/** Reads and validates the organisation file and the stack's config; throws one ConfigError listing every problem. */
export function loadModel(input: ProgramInput): StackModel {
    const org = loadOrg(input.root, input.config[`${NAMESPACE}:orgFile`] ?? DEFAULT_ORG_FILE);
    return parseStack(input.stack, stackFile(input.stack), input.config, org);
}

/** The landing-zone program: validates config, builds the account's provider and runs the stack's role. */
export function runProgram(input: ProgramInput): RoleOutputs {
    const model = loadModel(input);
    const provider = accountProvider(model, model.account, undefined, input.assume);
    switch (model.role) {
        case "bootstrap":
            return runBootstrapStack({ model, provider });
        case "management":
            return runManagementStack({ model, provider });
        case "log-archive":
            return runLogArchiveStack({ model, provider });
        case "security":
            return runSecurityStack({ model, provider });
        case "member":
            return runMemberStack({ model, provider });
    }
}
