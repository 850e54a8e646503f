/**
 * Landing-zone account names (and so member stack names, `member-<name>`) derived from AWS account
 * names: lower-case kebab, 2-40 characters, starting with a letter, as `stacks/org.yaml` requires.
 * Derived from the account's own name only, so the same organisation always gives the same names;
 * a clash (two accounts named alike, or a core account's name) takes the last four digits of the id.
 */
const RESERVED = ["management", "log-archive", "security"];

export function kebabAccountName(awsName: string): string {
    let n = awsName
        .toLowerCase()
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "");
    if (!/^[a-z]/.test(n)) n = `account-${n}`;
    n = n.slice(0, 40).replace(/-+$/g, "");
    return n.length >= 2 ? n : `account-${n}`;
}

/**
 * Names for member accounts, in the order given: the kebab form of the AWS name, or — when it is
 * taken (by a core account or an earlier member) — that form cut to 35 characters plus `-` and the
 * id's last four digits.
 */
export function memberAccountNames(accounts: readonly { readonly id: string; readonly name: string }[], taken: readonly string[] = RESERVED): Map<string, string> {
    const used = new Set(taken);
    const out = new Map<string, string>();
    const sorted = [...accounts].sort((a, b) => a.id.localeCompare(b.id));
    for (const a of sorted) {
        let n = kebabAccountName(a.name);
        if (used.has(n)) n = `${n.slice(0, 35).replace(/-+$/g, "")}-${a.id.slice(-4)}`;
        used.add(n);
        out.set(a.id, n);
    }
    return out;
}
