import type { Account, DeployedAccount, OrgModel, Role } from "../config/model";
import { WORKLOAD_VOLUMES, type VolumeKey, type WorkloadSize } from "../config/settings/estimate";
import type { ArchiveFacts } from "./archive-facts";
import type { EstimatedResource } from "./estimated-resource";

/** Monthly volumes of one account in one region. */
export type Volumes = Readonly<Record<VolumeKey, number>>;

/** Everything an estimate multiplies the planned resources by. */
export interface EstimateContext {
    readonly org: OrgModel;
    readonly archive: ArchiveFacts;
}

/** The stack being priced: its role, account and planned resources. */
export interface StackView {
    readonly stack: string;
    readonly role: Role;
    readonly account: DeployedAccount;
    readonly resources: readonly EstimatedResource[];
}

/** The workload size the estimate settings give an account. */
export function sizeOf(org: OrgModel, account: Account): WorkloadSize {
    return org.estimate.accounts[account.name] ?? org.estimate.workload;
}

/** Monthly volumes of an account in one region: its size's defaults with the org file's overrides. */
export function volumesOf(org: OrgModel, account: Account): Volumes {
    const size = sizeOf(org, account);
    const overrides = org.estimate.volumes[size] ?? {};
    return Object.fromEntries(
        (Object.keys(WORKLOAD_VOLUMES) as VolumeKey[]).map((k) => [k, overrides[k] ?? WORKLOAD_VOLUMES[k][size]]),
    ) as Record<VolumeKey, number>;
}

/** A volume summed over every account of the organisation (per region). */
export function orgVolume(org: OrgModel, key: VolumeKey): number {
    return org.accounts.reduce((n, a) => n + volumesOf(org, a)[key], 0);
}

/** The sizes of the organisation's accounts, as a phrase for assumptions: "5 accounts (2 small, 3 medium)". */
export function accountMix(org: OrgModel): string {
    const counts = new Map<WorkloadSize, number>();
    for (const a of org.accounts) counts.set(sizeOf(org, a), (counts.get(sizeOf(org, a)) ?? 0) + 1);
    return `${org.accounts.length} accounts (${[...counts].map(([s, n]) => `${n} ${s}`).join(", ")})`;
}

/** Resources of a stack with one of these types. */
export function ofTypes(stack: StackView, ...types: string[]): EstimatedResource[] {
    return stack.resources.filter((r) => types.includes(r.type));
}
