/**
 * Rows of the routing table for the quiet accounts (`quietAccounts` in the org file: no human signs
 * in there). Every console sign-in or role switch into one, successful or not, pages `high`: the
 * break-glass path with a title of its own, anyone else's with another. Root sign-ins there page
 * through `root-sign-in`, and `sign-in-failure` leaves failures there to these rows, so each sign-in
 * notifies one topic once.
 *
 * The members' `quiet-sign-in` forwarding row sends what `console-sign-in` does not (successes);
 * both run in the regions where AWS records console sign-ins of IAM users (`consoleSignInRegions`).
 */
import type { SecurityRoute } from "./routing-table";

const SIGN_IN = "AWS Console Sign In via CloudTrail";
/** A sign-in to the console (`ConsoleLogin`) and a switch into a role of the account (`SwitchRole`, recorded in the target account). */
export const QUIET_SIGN_IN_EVENTS = ["ConsoleLogin", "SwitchRole"] as const;

export interface QuietAccountContext {
    /** Ids of the quiet accounts. */
    readonly quietAccountIds: readonly string[];
    /** `userIdentity.arn` wildcards of the break-glass path (`breakGlassSignInArns`). */
    readonly breakGlassSignInArns: readonly string[];
}

export interface BreakGlassSignInArnArgs {
    readonly partition: string;
    readonly managementAccountId: string;
    readonly breakGlassRoleName: string;
    /** Holders of the break-glass role: IAM users and Identity Center permission sets of the management account. */
    readonly users: readonly string[];
    readonly identityCenterPermissionSets: readonly string[];
}

/**
 * Who signs in on the break-glass path, as the sign-in record's `userIdentity.arn` names them: a
 * session of the break-glass role (a role switch or a federated sign-in into it), and in the
 * management account its holders — the IAM users, and sessions of the Identity Center permission
 * sets' roles (`AWSReservedSSO_<set>_<suffix>`: EventBridge wildcards have no single-character
 * match, so a set whose name extends a listed one's with `_…` counts too; both page `high`).
 */
export function breakGlassSignInArns(a: BreakGlassSignInArnArgs): string[] {
    return [
        `arn:${a.partition}:sts::*:assumed-role/${a.breakGlassRoleName}/*`,
        ...a.users.map((u) => `arn:${a.partition}:iam::${a.managementAccountId}:user/${u}`),
        ...a.identityCenterPermissionSets.map((s) => `arn:${a.partition}:sts::${a.managementAccountId}:assumed-role/AWSReservedSSO_${s}_*/*`),
    ];
}

/** Titles of the two pages, shown as the notification's title (e-mail and chat). */
export const QUIET_SIGN_IN_TITLES = {
    signIn: "Console sign-in to a quiet account",
    breakGlass: "Break-glass console sign-in to a quiet account",
} as const;

export function quietAccountRoutes(ctx: QuietAccountContext): SecurityRoute[] {
    if (ctx.quietAccountIds.length === 0) return [];
    const base = { source: ["aws.signin"], "detail-type": [SIGN_IN], account: [...ctx.quietAccountIds] };
    const succeeded = [{ responseElements: { ConsoleLogin: ["Success"] } }, { responseElements: { SwitchRole: ["Success"] } }];
    return [
        {
            id: "quiet-sign-in",
            description: "A console sign-in or role switch into a quiet account, successful or failed, by anyone but the root user (root-sign-in) and the break-glass path",
            title: QUIET_SIGN_IN_TITLES.signIn,
            pattern: {
                ...base,
                detail: {
                    eventName: [...QUIET_SIGN_IN_EVENTS],
                    userIdentity: { type: [{ "anything-but": "Root" }] },
                    // Failed, or not the break-glass path (an IAM user's failed sign-in names no ARN).
                    $or: [
                        { responseElements: { ConsoleLogin: ["Failure"] } },
                        { responseElements: { SwitchRole: ["Failure"] } },
                        { userIdentity: { arn: [{ "anything-but": { wildcard: [...ctx.breakGlassSignInArns] } }] } },
                        { userIdentity: { arn: [{ exists: false }] } },
                    ],
                },
            },
            targets: { topic: "high", siem: true },
        },
        {
            id: "quiet-break-glass",
            description: "A successful console sign-in or role switch into a quiet account on the break-glass path (the break-glass role, or its holders in the management account)",
            title: QUIET_SIGN_IN_TITLES.breakGlass,
            pattern: { ...base, detail: { eventName: [...QUIET_SIGN_IN_EVENTS], userIdentity: { arn: ctx.breakGlassSignInArns.map((wildcard) => ({ wildcard })) }, $or: succeeded } },
            targets: { topic: "high", siem: true },
        },
    ];
}
