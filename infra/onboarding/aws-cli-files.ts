/**
 * The AWS CLI's own JSON output that `import-org` reads, checked field by field: `aws organizations
 * describe-organization` (`Organization.Id`, `MasterAccountId`, `MasterAccountEmail`),
 * `list-accounts` and `list-accounts-for-parent` (`Accounts[]` of `Id`, `Name`, `Email`, `Status`),
 * and `list-organizational-units-for-parent` (`OrganizationalUnits[]` of `Id`, `Name`) — the shapes
 * of the AWS Organizations API reference (DescribeOrganization, ListAccounts, ListAccountsForParent,
 * ListOrganizationalUnitsForParent). Every problem of a file is reported with the file and key.
 */
import { ConfigError, ProblemList } from "../config/errors";

export interface AwsOrganization {
    readonly id: string;
    readonly managementAccountId: string;
    readonly managementAccountEmail: string;
}

export interface AwsAccount {
    readonly id: string;
    readonly name: string;
    readonly email: string;
    /**
     * The account's life-cycle state: `Account.State` (ACTIVE, SUSPENDED, PENDING_ACTIVATION,
     * PENDING_CLOSURE, CLOSED), or the older `Account.Status` it replaces (ACTIVE, SUSPENDED,
     * PENDING_CLOSURE) when the CLI is too old to print State — AWS Organizations API reference, "Account".
     */
    readonly status: string;
}

export interface AwsOu {
    readonly id: string;
    readonly name: string;
}

function parse(text: string, file: string): Record<string, unknown> {
    try {
        const v = JSON.parse(text) as unknown;
        if (v !== null && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch (e) {
        throw new ConfigError([{ file, path: "", message: `is not JSON (${(e as Error).message}); pass the AWS CLI's output with --output json` }]);
    }
    throw new ConfigError([{ file, path: "", message: "is not a JSON object as the AWS CLI writes it" }]);
}

function field(o: Record<string, unknown>, key: string, pattern: RegExp, what: string, file: string, at: string, problems: ProblemList): string {
    const v = o[key];
    if (typeof v !== "string" || !pattern.test(v)) problems.add(file, `${at}${key}`, `${JSON.stringify(v ?? null)} is not ${what}`);
    return String(v);
}

const ACCOUNT_ID = /^\d{12}$/;
const ANY = /^.+$/s;
const EMAIL = /^[^@\s]+@[^@\s]+$/;

export function parseDescribeOrganization(text: string, file: string): AwsOrganization {
    const problems = new ProblemList();
    const o = parse(text, file).Organization as Record<string, unknown> | undefined;
    if (!o || typeof o !== "object") {
        problems.add(file, "Organization", "is missing: this is not the output of `aws organizations describe-organization`");
        problems.throwIfAny();
    }
    const org = o as Record<string, unknown>;
    const out = {
        id: field(org, "Id", /^o-[a-z0-9]{10,32}$/, "an organisation id (o-…)", file, "Organization.", problems),
        managementAccountId: field(org, "MasterAccountId", ACCOUNT_ID, "a 12-digit account id", file, "Organization.", problems),
        managementAccountEmail: field(org, "MasterAccountEmail", EMAIL, "an e-mail address", file, "Organization.", problems),
    };
    problems.throwIfAny();
    return out;
}

/**
 * The items of a list command's output (`{ "<key>": [ … ] }`), each read by `item` with a field
 * reader that records problems under `<key>[i].`; every problem of the file thrown at once.
 */
function parseList<T>(text: string, file: string, key: string, command: string, item: (get: (name: string, pattern: RegExp, what: string) => string, o: Record<string, unknown>) => T): T[] {
    const problems = new ProblemList();
    const list = parse(text, file)[key];
    if (!Array.isArray(list)) {
        problems.add(file, key, `is missing: this is not the output of ${command}`);
        problems.throwIfAny();
    }
    const items = (list as Record<string, unknown>[]).map((o, i) => item((name, pattern, what) => field(o, name, pattern, what, file, `${key}[${i}].`, problems), o));
    problems.throwIfAny();
    return items;
}

/** `list-accounts` or `list-accounts-for-parent`: both answer `{ "Accounts": [...] }`. */
export function parseAccountList(text: string, file: string): AwsAccount[] {
    return parseList(text, file, "Accounts", "`aws organizations list-accounts` (or list-accounts-for-parent)", (get, a) => ({
        id: get("Id", ACCOUNT_ID, "a 12-digit account id"),
        name: get("Name", ANY, "an account name"),
        email: get("Email", EMAIL, "an e-mail address"),
        status:
            a.State !== undefined
                ? get("State", /^(ACTIVE|SUSPENDED|PENDING_ACTIVATION|PENDING_CLOSURE|CLOSED)$/, "ACTIVE, SUSPENDED, PENDING_ACTIVATION, PENDING_CLOSURE or CLOSED")
                : get("Status", /^(ACTIVE|SUSPENDED|PENDING_CLOSURE)$/, "ACTIVE, SUSPENDED or PENDING_CLOSURE"),
    }));
}

export function parseOuList(text: string, file: string): AwsOu[] {
    return parseList(text, file, "OrganizationalUnits", "`aws organizations list-organizational-units-for-parent`", (get) => ({
        id: get("Id", /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/, "an OU id (ou-…-…)"),
        name: get("Name", /^[A-Za-z0-9][A-Za-z0-9 _.-]{0,127}$/, "an OU name"),
    }));
}
