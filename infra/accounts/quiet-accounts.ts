/**
 * The quiet accounts of the organisation as the routing table needs them: their ids and the ARNs of
 * the break-glass path's sign-ins (composition only; the rows are `components/events/quiet-account-routes.ts`).
 */
import type { OrgModel } from "../config/model";
import { breakGlassSignInArns, type QuietAccountContext } from "../components/events/quiet-account-routes";

export function quietAccountsOf(org: OrgModel): QuietAccountContext {
    return {
        // An account the management stack has yet to create has no id to match: it joins once it has one.
        quietAccountIds: org.accounts.filter((a) => org.quietAccounts.includes(a.name) && a.id !== undefined).map((a) => a.id!),
        breakGlassSignInArns: breakGlassSignInArns({
            partition: org.partition,
            managementAccountId: org.management.id,
            breakGlassRoleName: org.roles.breakGlass,
            users: org.breakGlass.users,
            identityCenterPermissionSets: org.breakGlass.identityCenterPermissionSets,
        }),
    };
}
