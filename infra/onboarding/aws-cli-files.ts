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

/** `list-accounts` or `list-accounts-for-parent`: both answer `{ "Accounts": [...] }`. */
export function parseAccountList(text: string, file: string): AwsAccount[] {
    const problems = new ProblemList();
    const list = parse(text, file).Accounts;
    if (!Array.isArray(list)) {
        problems.add(file, "Accounts", "is missing: this is not the output of `aws organizations list-accounts` (or list-accounts-for-parent)");
        problems.throwIfAny();
    }
    const accounts = (list as Record<string, unknown>[]).map((a, i) => ({
        id: field(a, "Id", ACCOUNT_ID, "a 12-digit account id", file, `Accounts[${i}].`, problems),
        name: field(a, "Name", ANY, "an account name", file, `Accounts[${i}].`, problems),
        email: field(a, "Email", EMAIL, "an e-mail address", file, `Accounts[${i}].`, problems),
        status:
            a.State !== undefined
                ? field(a, "State", /^(ACTIVE|SUSPENDED|PENDING_ACTIVATION|PENDING_CLOSURE|CLOSED)$/, "ACTIVE, SUSPENDED, PENDING_ACTIVATION, PENDING_CLOSURE or CLOSED", file, `Accounts[${i}].`, problems)
                : field(a, "Status", /^(ACTIVE|SUSPENDED|PENDING_CLOSURE)$/, "ACTIVE, SUSPENDED or PENDING_CLOSURE", file, `Accounts[${i}].`, problems),
    }));
    problems.throwIfAny();
    return accounts;
}

export function parseOuList(text: string, file: string): AwsOu[] {
    const problems = new ProblemList();
    const list = parse(text, file).OrganizationalUnits;
    if (!Array.isArray(list)) {
        problems.add(file, "OrganizationalUnits", "is missing: this is not the output of `aws organizations list-organizational-units-for-parent`");
        problems.throwIfAny();
    }
    const ous = (list as Record<string, unknown>[]).map((o, i) => ({
        id: field(o, "Id", /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/, "an OU id (ou-…-…)", file, `OrganizationalUnits[${i}].`, problems),
        name: field(o, "Name", /^[A-Za-z0-9][A-Za-z0-9 _.-]{0,127}$/, "an OU name", file, `OrganizationalUnits[${i}].`, problems),
    }));
    problems.throwIfAny();
    return ous;
}
