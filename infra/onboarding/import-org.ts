/**
 * `import-org`: an existing organisation, as the AWS CLI describes it, turned into the landing
 * zone's configuration — `stacks/org.yaml` and one stack file per stack (the three core stacks and a
 * member stack per account). Pure: text in, text out. Running it again with the same input changes
 * nothing: it merges into an existing org file (keeping every key it does not own, comments included,
 * and the names already given to accounts) and never rewrites a stack file that exists.
 */
import { Document, parseDocument } from "yaml";
import { ConfigError, type ConfigProblem } from "../config/errors";
import { memberStackFile, memberStackYaml } from "../config/coverage";
import type { AwsAccount, AwsOrganization, AwsOu } from "./aws-cli-files";
import { memberAccountNames } from "./account-name";

/** The value written where the input does not say: it fails validation, naming the key, until replaced. */
export const FILL_IN = "<fill in>";

export interface OuAccounts {
    /** What the user named the OU by: its id (`ou-…`), the root's id (`r-…`) or an OU path (`Workloads/Prod`). */
    readonly key: string;
    readonly accounts: readonly AwsAccount[];
}

export interface ImportInput {
    readonly organization: AwsOrganization;
    readonly accounts: readonly AwsAccount[];
    readonly logArchiveId: string;
    readonly securityId: string;
    readonly ouAccounts: readonly OuAccounts[];
    /** OU names by id (`list-organizational-units-for-parent`), for `ouAccounts` keyed by id. */
    readonly ous: readonly AwsOu[];
    /** The org file as it is, when there is one. */
    readonly existingOrg?: string;
    /** Stack files that exist already (repository-relative): left as they are. */
    readonly existingStackFiles: readonly string[];
    readonly namePrefix?: string;
    readonly homeRegion?: string;
    readonly regions?: readonly string[];
    readonly breakGlassUsers?: readonly string[];
}

export interface ImportResult {
    readonly orgYaml: string;
    /** Stack files to create, repository-relative path → content. */
    readonly stackFiles: Readonly<Record<string, string>>;
    /** Keys of the org file still holding FILL_IN, with what to put there. */
    readonly undecided: readonly string[];
    /** What the user should know: skipped accounts, accounts no longer listed, optional keys. */
    readonly notes: readonly string[];
}

const ORG_FILE = "stacks/org.yaml";
const CORE_STACKS: Record<string, string> = {
    "stacks/Pulumi.management.yaml": "management",
    "stacks/Pulumi.log-archive.yaml": "log-archive",
    "stacks/Pulumi.security.yaml": "security",
};

type Entry = { name: string; id: string; email: string; ou: string };

export function importOrganization(input: ImportInput): ImportResult {
    const problems: ConfigProblem[] = [];
    const notes: string[] = [];
    const byId = new Map(input.accounts.map((a) => [a.id, a]));
    const mgmtId = input.organization.managementAccountId;
    for (const [flag, id] of [["--log-archive", input.logArchiveId], ["--security", input.securityId]] as const) {
        if (!byId.has(id)) problems.push({ file: flag, path: "", message: `${id} is not an account of the --accounts file` });
        if (id === mgmtId) problems.push({ file: flag, path: "", message: `${id} is the management account; the log archive and security accounts must be accounts of their own` });
    }
    if (input.logArchiveId === input.securityId) problems.push({ file: "--security", path: "", message: `${input.securityId} is also the log archive account; they must differ` });

    const doc: Document = input.existingOrg !== undefined ? parseDocument(input.existingOrg) : new Document({});
    const existing = (doc.toJS() ?? {}) as Record<string, any>;
    const existingEntries: Entry[] = [existing.accounts?.logArchive, existing.accounts?.security, ...(existing.accounts?.members ?? [])].filter((e) => e && typeof e === "object");
    const ouOf = ouResolver(input, existingEntries, problems);
    if (problems.length > 0) throw new ConfigError(problems);

    const undecided: string[] = [];
    const decide = (path: (string | number)[], given: unknown, what: string) => {
        const have = doc.getIn(path);
        if (given !== undefined) doc.setIn(path, given);
        else if (have === undefined || have === null) doc.setIn(path, FILL_IN);
        const now = doc.getIn(path) as unknown;
        const raw = now && typeof now === "object" && "toJSON" in (now as object) ? (now as { toJSON(): unknown }).toJSON() : now;
        if (JSON.stringify(raw).includes(FILL_IN)) undecided.push(`${path.join(".")}: ${what}`);
    };

    doc.setIn(["organization", "id"], input.organization.id);
    decide(["namePrefix"], input.namePrefix, "a lowercase prefix of 2-16 characters for every physical name (--name-prefix)");
    decide(["homeRegion"], input.homeRegion, "the region of the archive, trail and central bus (--home-region)");
    if (input.regions !== undefined) doc.setIn(["regions"], [...input.regions]);
    else if (doc.getIn(["regions"]) === undefined) doc.setIn(["regions"], [FILL_IN]);
    if (JSON.stringify(doc.toJS().regions).includes(FILL_IN)) undecided.push("regions: the enabled regions, home region included (--regions a,b)");
    if (input.breakGlassUsers !== undefined) doc.setIn(["breakGlass", "users"], [...input.breakGlassUsers]);
    else if (existing.breakGlass?.users === undefined && existing.breakGlass?.identityCenterPermissionSets === undefined) doc.setIn(["breakGlass", "users"], [FILL_IN]);
    if (JSON.stringify(doc.toJS().breakGlass ?? {}).includes(FILL_IN)) undecided.push("breakGlass.users: management-account IAM users who may use the break-glass role with MFA (--break-glass-user), or breakGlass.identityCenterPermissionSets");

    const core = (key: "management" | "logArchive" | "security", id: string, email: string, ou: string | undefined) => {
        doc.setIn(["accounts", key, "id"], id);
        doc.setIn(["accounts", key, "email"], email);
        if (ou !== undefined) doc.setIn(["accounts", key, "ou"], ou);
    };
    core("management", mgmtId, input.organization.managementAccountEmail, undefined);
    const la = byId.get(input.logArchiveId)!;
    const sec = byId.get(input.securityId)!;
    core("logArchive", la.id, la.email, ouOf(la.id));
    core("security", sec.id, sec.email, ouOf(sec.id));
    for (const [key, id] of [["logArchive", la.id], ["security", sec.id]] as const) {
        if (doc.getIn(["accounts", key, "ou"]) === FILL_IN) undecided.push(`accounts.${key}.ou: the OU path of account ${id} (--ou-accounts <ou>=<file>)`);
    }

    const members = memberEntries(input, existingEntries, ouOf, notes);
    doc.setIn(["accounts", "members"], members);
    members.forEach((m, i) => {
        if (m.ou === FILL_IN) undecided.push(`accounts.members[${i}].ou: the OU path of account ${m.name} (${m.id}) (--ou-accounts <ou>=<file>)`);
    });
    if (!existing.alerts) notes.push("alerts.emails: no subscriber yet; add addresses under alerts.emails.high|medium|low");
    if (!existing.bootstrap) notes.push("bootstrap: add githubRepository and stackSetTargets (aws organizations list-roots) to create the deployment, break-glass and preview roles everywhere with the bootstrap stack");

    const stackFiles: Record<string, string> = {};
    const write = (file: string, body: string) => {
        if (!input.existingStackFiles.includes(file)) stackFiles[file] = body;
    };
    for (const [file, role] of Object.entries(CORE_STACKS)) write(file, `# Written by npm run import-org.\nconfig:\n  lz:role: ${role}\n`);
    const coreNames = [["management", mgmtId], ["log-archive", la.id], ["security", sec.id]] as const;
    for (const [name, id] of [...coreNames, ...members.map((m) => [m.name, m.id] as const)]) {
        write(memberStackFile(name), memberStackYaml(name, `Member baseline of account ${name} (${id}), written by npm run import-org.`));
    }
    return { orgYaml: doc.toString({ lineWidth: 0 }), stackFiles, undecided, notes };
}

/** The OU path of an account: from the OU files (root id → Root, OU id → its name, or the path given), else the org file's, else FILL_IN. */
function ouResolver(input: ImportInput, existing: readonly Entry[], problems: ConfigProblem[]): (id: string) => string {
    const where = new Map<string, string>();
    for (const group of input.ouAccounts) {
        const path = /^r-/.test(group.key) ? "Root" : /^ou-/.test(group.key) ? input.ous.find((o) => o.id === group.key)?.name : group.key;
        for (const a of group.accounts) {
            const before = where.get(a.id);
            if (before !== undefined && before !== (path ?? group.key)) problems.push({ file: "--ou-accounts", path: group.key, message: `account ${a.id} is also listed under ${before}; an account is in one OU` });
            where.set(a.id, path ?? `${FILL_IN} (${group.key})`);
        }
    }
    return (id) => {
        const found = where.get(id);
        if (found !== undefined && !found.startsWith(FILL_IN)) return found;
        return existing.find((e) => e.id === id)?.ou ?? FILL_IN;
    };
}

/** Member entries: every active account but the core three, named stably, sorted by name; pending (no id) entries kept. */
function memberEntries(input: ImportInput, existing: readonly Entry[], ouOf: (id: string) => string, notes: string[]): Entry[] {
    const core = [input.organization.managementAccountId, input.logArchiveId, input.securityId];
    const candidates = input.accounts.filter((a) => !core.includes(a.id));
    for (const a of candidates.filter((x) => x.status !== "ACTIVE")) notes.push(`account ${a.id} (${a.name}) is ${a.status}: left out`);
    const active = candidates.filter((a) => a.status === "ACTIVE");
    const keep = new Map(existing.filter((e) => e.id !== undefined).map((e) => [String(e.id), e.name]));
    const fresh = memberAccountNames(
        active.filter((a) => !keep.has(a.id)),
        ["management", "log-archive", "security", ...keep.values()],
    );
    const entries: Entry[] = active.map((a) => ({ name: keep.get(a.id) ?? fresh.get(a.id)!, id: a.id, email: a.email, ou: ouOf(a.id) }));
    const listed = new Set(input.accounts.map((a) => a.id));
    for (const e of existing) {
        if (e.id === undefined) entries.push(e as Entry);
        else if (!listed.has(String(e.id)) && !core.includes(String(e.id))) {
            notes.push(`${ORG_FILE}: account ${e.name} (${e.id}) is not in the --accounts file (closed, or left the organisation?): kept; remove it and ${memberStackFile(e.name)} by hand`);
            entries.push(e);
        }
    }
    return entries.sort((a, b) => a.name.localeCompare(b.name));
}
