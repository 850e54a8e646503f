import type { ManagementSettings } from "./settings/management";
import type { LogArchiveSettings } from "./settings/log-archive";
import type { SecuritySettings } from "./settings/security";
import type { MemberSettings } from "./settings/member";
import type { RegionInfo } from "./regions";
import type { Profile } from "./profiles";
import type { EstimateSettings } from "./settings/estimate";
import type { ResponseModel } from "./settings/response";
import type { BootstrapFacts } from "./bootstrap";
import type { BootstrapSettings } from "./settings/bootstrap";

/** What an account is for in the landing zone. */
export type AccountKind = "management" | "log-archive" | "security" | "member";

/** One AWS account of the organisation, as written in `stacks/org.yaml`. */
export interface Account {
    /** Short kebab-case name; member stacks are named `member-<name>`. */
    readonly name: string;
    /** 12-digit account id; absent only for an account the management stack still has to create. */
    readonly id: string | undefined;
    readonly email: string;
    /** OU path below the root, e.g. `Workloads/Prod`; `Root` for the root itself. */
    readonly ou: string;
    readonly kind: AccountKind;
    /** The management stack creates the account (true) or adopts the existing one (false). */
    readonly create: boolean;
    /** Where in org.yaml the account is defined, e.g. `accounts.members[1]`, for messages. */
    readonly configPath: string;
}

/** An account whose id is known: every account a stack deploys into. */
export type DeployedAccount = Account & { readonly id: string };

export type Severity = "high" | "medium" | "low";
export const SEVERITIES: readonly Severity[] = ["high", "medium", "low"];

/** The organisation facts every stack shares, validated once. */
export interface OrgModel {
    /** Repository-relative path of the file the facts came from. */
    readonly file: string;
    /** `"create"` to create the organisation, or the id (`o-…`) of an existing one to adopt. */
    readonly organizationId: string;
    /** Cost profile: the defaults of the costly switches of every stack's settings. */
    readonly profile: Profile;
    readonly pulumi: {
        /** Pulumi organisation that owns the stacks (`organization` on self-managed backends). */
        readonly organization: string;
        readonly project: string;
        /** Stack names of the three core roles, used to build StackReference names. */
        readonly stacks: { readonly bootstrap: string; readonly management: string; readonly logArchive: string; readonly security: string };
    };
    readonly namePrefix: string;
    readonly partition: RegionInfo["partition"];
    readonly homeRegion: string;
    /** Enabled regions, home region first. */
    readonly regions: readonly string[];
    /** The opt-in regions among `regions` (acknowledged in the org file): enabled in every account by the management stack. */
    readonly optInRegions: readonly string[];
    readonly roles: {
        /** Role the landing zone deploys through in every account. */
        readonly deployment: string;
        /** Emergency role exempted from the guardrails together with the deployment role. */
        readonly breakGlass: string;
        /** Read-only role of the security account that may read the archive. */
        readonly investigator: string;
        /** Read-only role previews and drift checks assume in every account (the bootstrap StackSet creates it). */
        readonly preview: string;
    };
    /** The bootstrap stack's CI identity and role StackSet; undefined when the roles are made otherwise. */
    readonly bootstrap: BootstrapFacts | undefined;
    /** Holders of the break-glass role (principals of the management account; at least one). */
    readonly breakGlass: {
        /** IAM users of the management account (MFA required). */
        readonly users: readonly string[];
        /** IAM Identity Center permission sets whose roles in the management account may assume the role. */
        readonly identityCenterPermissionSets: readonly string[];
        readonly maxSessionMinutes: number;
    };
    readonly management: DeployedAccount;
    readonly logArchive: DeployedAccount;
    readonly security: DeployedAccount;
    /** Every account: the three core accounts first, then the members in file order. */
    readonly accounts: readonly Account[];
    /** Names of the accounts where no human should sign in (console sign-ins there page `high`). */
    readonly quietAccounts: readonly string[];
    readonly retention: {
        /** Object Lock (compliance mode) default retention of the archive. */
        readonly objectLockDays: number;
        /** Age at which archived objects expire; never before the lock ends. */
        readonly archiveDays: number;
        /** Retention of landing-zone CloudWatch log groups (0 = never expire). */
        readonly logGroupDays: number;
        /** Why retention is below the 365-day floor, when it is. */
        readonly belowMinimumReason: string | undefined;
    };
    readonly tiering: {
        readonly glacierInstantRetrievalAfterDays: number;
        readonly deepArchiveAfterDays: number;
        /** Days a replaced version is kept; at least `retention.archiveDays`. */
        readonly noncurrentVersionExpiryDays: number;
    };
    readonly alerts: {
        readonly emails: Readonly<Record<Severity, readonly string[]>>;
        readonly slack: { readonly workspaceId: string; readonly channels: Readonly<Partial<Record<Severity, string>>> } | undefined;
    };
    /** How the landing zone watches its own pipelines (`infra/config/health.ts`). */
    readonly health: {
        /** Minutes between two heartbeats of every account's forwarding. */
        readonly heartbeatMinutes: number;
        /** Intervals without a heartbeat or canary before the security account pages. */
        readonly missedIntervals: number;
        /** Minutes without an event in the organisation trail's log group before `trail-silent` pages. */
        readonly trailSilentMinutes: number;
        /** The end-to-end log canary; undefined when switched off (or no member account exists). */
        readonly logCanary: { readonly account: Account; readonly intervalMinutes: number } | undefined;
    };
    /** Usage assumptions of the cost estimate; they change no resource. */
    readonly estimate: EstimateSettings;
    /** The automated response playbooks: switch and accounts in scope of each (`infra/config/settings/response.ts`). */
    readonly response: ResponseModel;
}

/** Stack roles in deploy order: bootstrap (once, by hand), management, log-archive, security, members. */
export type Role = "bootstrap" | "management" | "log-archive" | "security" | "member";
export const ROLES: readonly Role[] = ["bootstrap", "management", "log-archive", "security", "member"];

interface StackBase {
    /** Pulumi stack name. */
    readonly stack: string;
    /** Repository-relative stack file, e.g. `stacks/Pulumi.security.yaml`. */
    readonly file: string;
    readonly org: OrgModel;
    /** The account the stack deploys into. */
    readonly account: DeployedAccount;
}

/** One stack: its role, target account and role settings. */
export type StackModel =
    | (StackBase & { readonly role: "bootstrap"; readonly settings: BootstrapSettings })
    | (StackBase & { readonly role: "management"; readonly settings: ManagementSettings })
    | (StackBase & { readonly role: "log-archive"; readonly settings: LogArchiveSettings })
    | (StackBase & { readonly role: "security"; readonly settings: SecuritySettings })
    | (StackBase & { readonly role: "member"; readonly settings: MemberSettings });
