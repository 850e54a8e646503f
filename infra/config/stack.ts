import { ProblemList } from "./errors";
import type { DeployedAccount, OrgModel, Role, StackModel } from "./model";
import { ROLES } from "./model";
import { check, closest, show, type ObjectSchema } from "./schema";
import { managementSettingsSchema } from "./settings/management";
import { logArchiveSettingsSchema, validateLogArchiveSettings } from "./settings/log-archive";
import { securitySettingsSchema, validateSecuritySettings } from "./settings/security";
import { memberSettingsSchema, validateMemberSettings } from "./settings/member";
import { bootstrapSettingsSchema } from "./settings/bootstrap";

/** The config namespace of the project (`lz:` keys in `stacks/Pulumi.<stack>.yaml`). */
export const NAMESPACE = "lz";

interface RoleSettingsSpec {
    readonly key: string;
    readonly schema: ObjectSchema;
    /** Checks that need the organisation (regions, accounts); adds problems under `path`. */
    readonly validate?: (settings: never, org: OrgModel, file: string, path: string, problems: ProblemList) => void;
}

/** Role → the stack-file key that holds its settings and the settings' schema. */
export const ROLE_SETTINGS: Readonly<Record<Role, RoleSettingsSpec>> = {
    bootstrap: { key: "bootstrap", schema: bootstrapSettingsSchema },
    management: { key: "management", schema: managementSettingsSchema },
    "log-archive": { key: "logArchive", schema: logArchiveSettingsSchema, validate: validateLogArchiveSettings },
    security: { key: "security", schema: securitySettingsSchema, validate: validateSecuritySettings },
    member: { key: "member", schema: memberSettingsSchema, validate: validateMemberSettings },
};

/** Keys of the `lz:` namespace a stack file may set. */
export const STACK_KEYS: readonly string[] = ["role", "account", "orgFile", ...ROLES.map((r) => ROLE_SETTINGS[r].key)];

/** Namespaces whose keys the landing zone tolerates in a stack file without using them. */
const FOREIGN_NAMESPACES_ALLOWED = ["pulumi"];

function parseValue(raw: string): unknown {
    const t = raw.trim();
    if (t.startsWith("{") || t.startsWith("[")) {
        return JSON.parse(t);
    }
    return raw;
}

/**
 * Validates one stack's configuration against the organisation and returns its model.
 *
 * @param stack Pulumi stack name.
 * @param file Repository-relative stack file, used in messages.
 * @param config Every config value of the stack as Pulumi hands them to a program: `ns:key` →
 *   string (maps and lists JSON-encoded).
 */
export function parseStack(stack: string, file: string, config: Readonly<Record<string, string>>, org: OrgModel): StackModel {
    const problems = new ProblemList();
    const values: Record<string, unknown> = {};
    for (const [fullKey, raw] of Object.entries(config)) {
        const sep = fullKey.indexOf(":");
        const ns = sep < 0 ? "" : fullKey.slice(0, sep);
        const key = sep < 0 ? fullKey : fullKey.slice(sep + 1);
        if (ns !== NAMESPACE) {
            if (ns === "aws") {
                problems.add(file, fullKey, `is not used: the landing zone builds one explicit provider per account from ${org.file}; remove it`);
            } else if (!FOREIGN_NAMESPACES_ALLOWED.includes(ns)) {
                problems.add(file, fullKey, `unknown namespace ${show(ns)}; landing-zone keys are ${STACK_KEYS.map((k) => `${NAMESPACE}:${k}`).join(", ")}`);
            }
            continue;
        }
        if (!STACK_KEYS.includes(key)) {
            const hint = closest(key, STACK_KEYS);
            problems.add(file, fullKey, `unknown key${hint ? ` (did you mean "${NAMESPACE}:${hint}"?)` : ""}; allowed: ${STACK_KEYS.map((k) => `${NAMESPACE}:${k}`).join(", ")}`);
            continue;
        }
        try {
            values[key] = parseValue(raw);
        } catch (e) {
            problems.add(file, fullKey, `is not valid JSON/YAML: ${(e as Error).message}`);
        }
    }

    const role = check({ kind: "string", enum: ROLES }, values.role, file, `${NAMESPACE}:role`, problems) as Role | undefined;

    // Which account the stack deploys into: fixed for core roles, named for members.
    let account: DeployedAccount | undefined;
    const accountName = values.account === "" ? undefined : values.account;
    if (accountName !== undefined && typeof accountName !== "string") {
        problems.add(file, `${NAMESPACE}:account`, `must be an account name, got ${show(accountName)}`);
    } else if (role === "member") {
        if (accountName === undefined) {
            problems.add(file, `${NAMESPACE}:account`, `is required for role member: name one of ${org.accounts.map((a) => a.name).join(", ")} from ${org.file}`);
        } else {
            const found = org.accounts.find((a) => a.name === accountName);
            if (!found) {
                const hint = closest(accountName, org.accounts.map((a) => a.name));
                problems.add(
                    file,
                    `${NAMESPACE}:account`,
                    `${show(accountName)} is not an account defined in ${org.file}` + (hint ? ` (did you mean ${show(hint)}?)` : "") + `; defined: ${org.accounts.map((a) => a.name).join(", ")}`,
                );
            } else if (found.id === undefined) {
                problems.add(file, `${NAMESPACE}:account`, `account ${show(accountName)} has no id yet in ${org.file} (${found.configPath}.id): deploy the management stack, which creates it, then record the id`);
            } else {
                account = found as DeployedAccount;
            }
        }
    } else if (role !== undefined) {
        const core = role === "management" || role === "bootstrap" ? org.management : role === "log-archive" ? org.logArchive : org.security;
        if (accountName !== undefined && accountName !== core.name) {
            problems.add(file, `${NAMESPACE}:account`, `${show(accountName)} does not match role ${role}, which always deploys into the ${core.kind} account ${show(core.name)}; remove the key`);
        }
        account = core;
        const expected = { bootstrap: org.pulumi.stacks.bootstrap, management: org.pulumi.stacks.management, "log-archive": org.pulumi.stacks.logArchive, security: org.pulumi.stacks.security }[role];
        if (role === "bootstrap" && org.bootstrap === undefined) {
            problems.add(file, `${NAMESPACE}:role`, `role bootstrap needs the bootstrap block in ${org.file} (githubRepository, stackSetTargets): it says which repository deploys and where the roles go`);
        }
        if (stack !== expected) {
            problems.add(file, `${NAMESPACE}:role`, `stack ${show(stack)} has role ${role}, but ${org.file} names the ${role} stack ${show(expected)} (pulumi.stacks); other stacks find it by that name`);
        }
    }

    // Settings: only the stack's own role may have some.
    let settings: unknown;
    for (const r of ROLES) {
        const { key, schema } = ROLE_SETTINGS[r];
        if (r === role) {
            settings = check(schema, values[key], file, `${NAMESPACE}:${key}`, problems, org.profile);
            const validate = ROLE_SETTINGS[r].validate as ((s: unknown, ...rest: [OrgModel, string, string, ProblemList]) => void) | undefined;
            if (settings !== undefined && validate) validate(settings, org, file, `${NAMESPACE}:${key}`, problems);
        } else if (values[key] !== undefined && role !== undefined) {
            problems.add(file, `${NAMESPACE}:${key}`, `holds settings for role ${r}, but this stack has role ${role}; move them to the ${r} stack or rename the key to ${NAMESPACE}:${ROLE_SETTINGS[role].key}`);
        }
    }

    problems.throwIfAny();
    return { stack, file, org, account: account as DeployedAccount, role: role as Role, settings } as StackModel;
}
