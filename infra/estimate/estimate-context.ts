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

/** Volumes that are not per region (scaled by no region weight). */
const GLOBAL_VOLUMES: readonly VolumeKey[] = ["iamPrincipals", "writeEventsPercent"];

/** Share of the volumes a region carries: 1 in the first `activeRegions` enabled regions (home first), `idleRegionPercent` elsewhere. */
export function regionWeight(org: OrgModel, region: string): number {
    const i = org.regions.indexOf(region);
    return i >= 0 && i < org.estimate.activeRegions ? 1 : org.estimate.idleRegionPercent / 100;
}

/**
 * Monthly volumes of an account: its size's defaults with the org file's overrides, in `region`
 * (weighted by regionWeight), or of an active region when no region is given.
 */
export function volumesOf(org: OrgModel, account: Account, region?: string): Volumes {
    const size = sizeOf(org, account);
    const overrides = org.estimate.volumes[size] ?? {};
    const weight = region === undefined ? 1 : regionWeight(org, region);
    return Object.fromEntries(
        (Object.keys(WORKLOAD_VOLUMES) as VolumeKey[]).map((k) => [k, (overrides[k] ?? WORKLOAD_VOLUMES[k][size]) * (GLOBAL_VOLUMES.includes(k) ? 1 : weight)]),
    ) as Record<VolumeKey, number>;
}

/** A volume summed over every account of the organisation, in `region` (or an active region). */
export function orgVolume(org: OrgModel, key: VolumeKey, region?: string): number {
    return org.accounts.reduce((n, a) => n + volumesOf(org, a, region)[key], 0);
}

/** The regions phrase of assumptions: "4 regions (2 active, the others at 5%)". */
export function regionMix(org: OrgModel): string {
    const active = Math.min(org.estimate.activeRegions, org.regions.length);
    return active >= org.regions.length ? `${org.regions.length} active regions` : `${org.regions.length} regions (${active} active, the others at ${org.estimate.idleRegionPercent}%)`;
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
