import type { ProblemList } from "../errors";
import type { Account } from "../model";
import { PLAYBOOK_IDS, PLAYBOOK_MODES, type PlaybookId, type PlaybookMode } from "../playbooks";
import { closest, show, type ObjectSchema, type Schema } from "../schema";

/**
 * The automated response playbooks (`response:` in `stacks/org.yaml`; docs/response.md). In the
 * organisation file because two kinds of stack must agree on them: the security stack deploys a
 * playbook's function and rules, every member stack in its scope the role it acts through.
 */
export interface ResponseSettings {
    /** Minutes a finding a playbook already handled is ignored when delivered again. */
    readonly dedupMinutes: number;
    readonly playbooks: Readonly<Record<PlaybookId, PlaybookSettings>>;
}

export interface PlaybookSettings {
    readonly mode: PlaybookMode;
    /** OU paths in scope: an OU includes the OUs below it. */
    readonly organizationalUnits: readonly string[];
    /** Names of accounts in scope besides those of the OUs. */
    readonly accounts: readonly string[];
}

/** A playbook as the stacks use it: its switch and the accounts it may act in (with or without an id yet). */
export interface PlaybookModel {
    readonly mode: PlaybookMode;
    readonly accounts: readonly Account[];
}

export interface ResponseModel {
    readonly dedupMinutes: number;
    readonly playbooks: Readonly<Record<PlaybookId, PlaybookModel>>;
}

const PLAYBOOK_DOCS: Readonly<Record<PlaybookId, string>> = {
    "public-bucket": "Re-applies a bucket's S3 Block Public Access when Security Hub (S3.2, S3.3, S3.8) or IAM Access Analyzer finds it public.",
    "exposed-key": "Deactivates (never deletes) an IAM user's access key that GuardDuty or AWS Health reports exposed or misused.",
    "compromised-instance": "Moves an instance GuardDuty rates high or critical into the quarantine security group, snapshots its volumes and tags it; never stops or terminates it.",
};

function playbookSchema(id: PlaybookId): Schema {
    return {
        kind: "object",
        default: {},
        doc: PLAYBOOK_DOCS[id],
        fields: {
            mode: {
                kind: "string",
                enum: PLAYBOOK_MODES,
                default: "off",
                doc: "off: nothing deployed; dry-run: the function runs and reports what it would do, calling nothing; enforce: it acts. Go through dry-run first (docs/response.md).",
            },
            organizationalUnits: {
                kind: "array",
                items: { kind: "string", pattern: /^[\w .+=@-]+(\/[\w .+=@-]+)*$/, describe: "an OU path like Workloads or Workloads/Prod" },
                default: [],
                doc: "OU paths (as in accounts.*.ou) whose accounts are in scope; an OU includes every OU below it.",
            },
            accounts: {
                kind: "array",
                items: { kind: "string", pattern: /^[a-z0-9][a-z0-9-]*$/, describe: "an account name" },
                default: [],
                doc: "Names of further accounts in scope (as in accounts).",
            },
        },
    };
}

export const responseSettingsSchema: ObjectSchema = {
    kind: "object",
    default: {},
    doc: "Automated response playbooks in the security account (docs/response.md): each off by default, then dry-run, then enforce.",
    fields: {
        dedupMinutes: {
            kind: "integer",
            min: 5,
            max: 10080,
            default: 60,
            doc: "Minutes during which a finding a playbook already handled is ignored when delivered again (Security Hub re-sends a finding on every update).",
        },
        playbooks: {
            kind: "object",
            default: {},
            fields: Object.fromEntries(PLAYBOOK_IDS.map((id) => [id, playbookSchema(id)])),
        },
    },
};

/** Whether `ou` is `scope` or below it. */
function underOu(ou: string, scope: string): boolean {
    return ou === scope || ou.startsWith(`${scope}/`);
}

/** Names, OUs and switches the schema cannot check: every name and OU must exist, a switched-on playbook must reach an account. */
export function validateResponseSettings(s: Partial<ResponseSettings> | undefined, accounts: readonly Account[], file: string, problems: ProblemList): void {
    const names = accounts.map((a) => a.name);
    // Every OU that holds an account, directly or below it: `Workloads` for `Workloads/Prod`.
    const ous = [...new Set(accounts.flatMap((a) => (typeof a.ou === "string" ? a.ou : "").split("/").map((_, i, parts) => parts.slice(0, i + 1).join("/"))))].sort();
    for (const id of PLAYBOOK_IDS) {
        const p = s?.playbooks?.[id];
        if (!p) continue;
        const at = `response.playbooks.${id}`;
        (p.organizationalUnits ?? []).forEach((ou, i) => {
            if (typeof ou === "string" && !ous.includes(ou)) {
                const hint = closest(ou, ous);
                problems.add(file, `${at}.organizationalUnits[${i}]`, `${show(ou)} is the OU of no account` + (hint ? ` (did you mean ${show(hint)}?)` : "") + `; OUs of accounts: ${ous.join(", ")}`);
            }
        });
        (p.accounts ?? []).forEach((name, i) => {
            if (typeof name === "string" && !names.includes(name)) {
                const hint = closest(name, names);
                problems.add(file, `${at}.accounts[${i}]`, `${show(name)} is not an account of ${file}` + (hint ? ` (did you mean ${show(hint)}?)` : "") + `; accounts: ${names.join(", ")}`);
            }
        });
        const none = (p.organizationalUnits ?? []).length === 0 && (p.accounts ?? []).length === 0;
        if (p.mode !== undefined && p.mode !== "off" && none) {
            problems.add(file, `${at}.mode`, `is ${p.mode}, but the playbook names no account in scope; list OUs under ${at}.organizationalUnits or accounts under ${at}.accounts, or set mode: off`);
        }
    }
}

/** The accounts each playbook may act in (in the order of `accounts`), and its switch. */
export function responseOf(s: ResponseSettings, accounts: readonly Account[]): ResponseModel {
    const playbooks = Object.fromEntries(
        PLAYBOOK_IDS.map((id) => {
            const p = s.playbooks[id];
            const inScope = p.mode === "off" ? [] : accounts.filter((a) => p.accounts.includes(a.name) || p.organizationalUnits.some((ou) => underOu(a.ou, ou)));
            return [id, { mode: p.mode, accounts: inScope }];
        }),
    ) as unknown as Record<PlaybookId, PlaybookModel>;
    return { dedupMinutes: s.dedupMinutes, playbooks };
}

/** The playbooks that act in `accountName` (not `off`, account in scope): its member stack creates their roles. */
export function playbooksIn(response: ResponseModel, accountName: string): PlaybookId[] {
    return PLAYBOOK_IDS.filter((id) => response.playbooks[id].accounts.some((a) => a.name === accountName));
}

/** The playbooks switched on, in order. */
export function activePlaybooks(response: ResponseModel): PlaybookId[] {
    return PLAYBOOK_IDS.filter((id) => response.playbooks[id].mode !== "off");
}
