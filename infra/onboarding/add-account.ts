/**
 * `add-account`: one new member account in one change — its entry in `stacks/org.yaml` (created by
 * the management stack, or adopted when `id` is given) and its member stack file. Pure: the org
 * file's text in, the new text and the files to write out; every problem reported at once. Giving
 * the id of an account added earlier without one records it (the step after the management stack
 * created the account).
 */
import { parseDocument, YAMLSeq } from "yaml";
import { ConfigError, type ConfigProblem } from "../config/errors";
import { memberStackFile, memberStackYaml } from "../config/coverage";
import { ACCOUNT_EMAIL, ACCOUNT_ID, ACCOUNT_NAME, OU_PATH } from "../config/org";

export interface AddAccountInput {
    readonly orgYaml: string;
    readonly name: string;
    readonly email: string;
    /** OU path below the root, e.g. `Workloads/Prod`. */
    readonly ou: string;
    /** The account's id when it exists already (adopted); absent: the management stack creates it. */
    readonly id?: string;
    readonly existingStackFiles: readonly string[];
}

export interface AddAccountResult {
    readonly orgYaml: string;
    /** Stack files to create (repository-relative path → content). */
    readonly stackFiles: Readonly<Record<string, string>>;
    /** One line saying what changed. */
    readonly summary: string;
}

// The org file's own rules for account entries (infra/config/org.ts): what this writes, loadOrg accepts.
export function addAccount(input: AddAccountInput): AddAccountResult {
    const problems: ConfigProblem[] = [];
    const flag = (f: string, message: string) => problems.push({ file: `--${f}`, path: "", message });
    if (!ACCOUNT_NAME.pattern!.test(input.name)) flag("name", `${JSON.stringify(input.name)} is not a kebab-case name of 2-40 characters (a-z, 0-9, -) starting with a letter`);
    if (["management", "log-archive", "security"].includes(input.name)) flag("name", `${JSON.stringify(input.name)} is reserved for a core account`);
    if (!ACCOUNT_EMAIL.pattern!.test(input.email)) flag("email", `${JSON.stringify(input.email)} is not ${ACCOUNT_EMAIL.describe}`);
    if (!OU_PATH.pattern!.test(input.ou)) flag("ou", `${JSON.stringify(input.ou)} is not an OU path such as Workloads/Prod (or Root)`);
    if (input.id !== undefined && !ACCOUNT_ID.pattern!.test(input.id)) flag("id", `${JSON.stringify(input.id)} is not a 12-digit AWS account id`);

    const doc = parseDocument(input.orgYaml);
    const org = (doc.toJS() ?? {}) as { accounts?: Record<string, any> };
    const all = [org.accounts?.management, org.accounts?.logArchive, org.accounts?.security, ...(org.accounts?.members ?? [])].filter((a) => a && typeof a === "object");
    const members: any[] = org.accounts?.members ?? [];
    const index = members.findIndex((m) => m?.name === input.name);
    const pending = index >= 0 && members[index].id === undefined;
    if (index >= 0 && !(pending && input.id !== undefined)) {
        flag("name", members[index].id === undefined ? `account ${JSON.stringify(input.name)} is already in stacks/org.yaml, waiting for its id; give --id once the management stack created it` : `account ${JSON.stringify(input.name)} is already in stacks/org.yaml (accounts.members[${index}])`);
    }
    for (const a of all.filter((x) => x.name !== input.name)) {
        if (String(a.email ?? "").toLowerCase() === input.email.toLowerCase()) flag("email", `${input.email} is already the e-mail of account ${JSON.stringify(a.name ?? "")}`);
        if (input.id !== undefined && String(a.id) === input.id) flag("id", `${input.id} is already account ${JSON.stringify(a.name ?? "")}`);
    }
    if (problems.length > 0) throw new ConfigError(problems);

    let summary: string;
    let orgYaml: string;
    if (pending) {
        orgYaml = insertAfterName(input.orgYaml, doc, index, `id: ${scalar(input.id!)}`) ?? (doc.setIn(["accounts", "members", index, "id"], input.id), doc.toString({ lineWidth: 0 }));
        summary = `recorded id ${input.id} of account ${input.name} (accounts.members[${index}])`;
    } else {
        const entry: Record<string, string | boolean> = input.id !== undefined ? { name: input.name, id: input.id, email: input.email, ou: input.ou } : { name: input.name, email: input.email, ou: input.ou, create: true };
        orgYaml = appendMember(input.orgYaml, doc, entry) ?? appendWithDocument(doc, entry);
        summary = input.id !== undefined ? `added account ${input.name} (${input.id}), adopted by the management stack` : `added account ${input.name}, which the management stack creates`;
    }
    const file = memberStackFile(input.name);
    const stackFiles = input.existingStackFiles.includes(file) ? {} : { [file]: memberStackYaml(input.name, `Member baseline of account ${input.name}, written by npm run add-account.`) };
    return { orgYaml, stackFiles, summary };
}

/** A YAML scalar as written by hand: plain when that reads back as the same string, else double-quoted (ids stay strings). */
function scalar(v: string | boolean): string {
    if (typeof v === "boolean") return String(v);
    return /^[A-Za-z][A-Za-z0-9@._/+ -]*$/.test(v) && !/ $|: | #/.test(v) ? v : JSON.stringify(v);
}

function lineStart(text: string, pos: number): number {
    return text.lastIndexOf("\n", pos - 1) + 1;
}

function afterLine(text: string, pos: number): number {
    const nl = text.indexOf("\n", pos);
    return nl < 0 ? text.length : nl + 1;
}

/**
 * The new entry inserted as text after the last member, indented like the first: the rest of the
 * file (comments, alignment, flow lists) stays byte for byte, so the pull request shows only the
 * account. Undefined when the members list is not a block list with items to copy the layout of.
 */
function appendMember(text: string, doc: ReturnType<typeof parseDocument>, entry: Record<string, string | boolean>): string | undefined {
    const seq = doc.getIn(["accounts", "members"], true);
    if (!(seq instanceof YAMLSeq) || seq.flow || seq.items.length === 0) return undefined;
    const first = seq.items[0] as { range?: [number, number, number] };
    const last = seq.items[seq.items.length - 1] as { range?: [number, number, number] };
    if (!first.range || !last.range) return undefined;
    const dash = first.range[0] - lineStart(text, first.range[0]) - 2;
    const pad = " ".repeat(Math.max(dash, 0));
    const lines = Object.entries(entry).map(([k, v], i) => `${pad}${i === 0 ? "- " : "  "}${k}: ${scalar(v)}`);
    const at = afterLine(text, last.range[1] - 1);
    const body = (at === text.length && !text.endsWith("\n") ? "\n" : "") + lines.join("\n") + "\n";
    return text.slice(0, at) + body + text.slice(at);
}

/** A key inserted as text under the `name:` line of member `index`, at that line's indentation. */
function insertAfterName(text: string, doc: ReturnType<typeof parseDocument>, index: number, line: string): string | undefined {
    const item = doc.getIn(["accounts", "members", index], true) as { items?: { key: { value?: unknown; range?: [number, number, number] } }[] } | undefined;
    const name = item?.items?.find((p) => p.key?.value === "name");
    if (!name?.key.range) return undefined;
    const column = name.key.range[0] - lineStart(text, name.key.range[0]);
    const at = afterLine(text, name.key.range[0]);
    return text.slice(0, at) + `${" ".repeat(column)}${line}\n` + text.slice(at);
}

function appendWithDocument(doc: ReturnType<typeof parseDocument>, entry: Record<string, string | boolean>): string {
    if (!(doc.getIn(["accounts", "members"]) instanceof YAMLSeq)) doc.setIn(["accounts", "members"], []);
    (doc.getIn(["accounts", "members"]) as YAMLSeq).add(doc.createNode(entry));
    return doc.toString({ lineWidth: 0 });
}
