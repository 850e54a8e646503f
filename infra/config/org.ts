import { ProblemList } from "./errors";
import type { Account, AccountKind, DeployedAccount, OrgModel, Severity } from "./model";
import { REGIONS } from "./regions";
import { check, closest, show, type ObjectSchema, type Schema, type StringSchema } from "./schema";
import { PROFILES, type Profile } from "./profiles";
import { ROLE_NAME_DESCRIPTION, ROLE_NAME_PATTERN } from "./iam-names";
import { estimateSettingsSchema, validateEstimateSettings, type EstimateSettings } from "./settings/estimate";
import { bootstrapSchema, type BootstrapFacts } from "./bootstrap";
import { responseOf, responseSettingsSchema, validateResponseSettings, type ResponseSettings } from "./settings/response";

export const ACCOUNT_ID: StringSchema = { kind: "string", pattern: /^\d{12}$/, describe: "a 12-digit AWS account id" };
/** Alert subscribers: deliberately simple (one `@`, no spaces, a dotted domain); SNS confirms the address. */
export const EMAIL: StringSchema = {
    kind: "string",
    pattern: /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/,
    describe: "an e-mail address (name@domain.tld)",
};
/**
 * An account's root e-mail, exactly as AWS Organizations accepts it (API Reference, CreateAccount,
 * Email): 6-64 ASCII characters, one `@`; the local name without whitespace or " ' ( ) < > [ ] : ; , \ | % &
 * and not starting with a dot; the domain of letters, digits, `-` and `.`, with a dot, neither
 * starting nor ending with `-` or `.`. AWS warns that the root user of an account created with an
 * invalid address cannot be reached, so the rule is checked before anything is created.
 */
export const ACCOUNT_EMAIL: StringSchema = {
    kind: "string",
    pattern: /^(?=[\x21-\x7e]{6,64}$)[A-Za-z0-9!#$*+\-/=?^_`{}~][A-Za-z0-9!#$*+\-/=?^_`{}~.]*@(?=[^@]*\.)[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/,
    describe: `an e-mail address (name@domain.tld) AWS accepts for an account: 6-64 ASCII characters, none of " ' ( ) < > [ ] : ; , \\ | % & or spaces before the @`,
};
export const ACCOUNT_NAME: StringSchema = {
    kind: "string",
    pattern: /^[a-z][a-z0-9-]{0,38}[a-z0-9]$/,
    describe: "a kebab-case name of 2-40 characters (a-z, 0-9, -), starting with a letter",
};
export const OU_PATH: StringSchema = {
    kind: "string",
    pattern: /^(Root|[A-Za-z0-9][A-Za-z0-9 _.-]{0,127}(\/[A-Za-z0-9][A-Za-z0-9 _.-]{0,127}){0,4})$/,
    describe: "an OU path below the root such as Workloads/Prod (at most 5 levels), or Root",
};
const REGION: StringSchema = { kind: "string", pattern: /^[a-z0-9-]+$/, describe: "an AWS region name" };
const ROLE_NAME: StringSchema = { kind: "string", pattern: ROLE_NAME_PATTERN, describe: ROLE_NAME_DESCRIPTION };
const IAM_USER_NAME: StringSchema = { kind: "string", pattern: /^[\w+=,.@-]{1,64}$/, describe: "an IAM user name (1-64 of A-Z a-z 0-9 + = , . @ _ -)" };
/** IAM Identity Center permission set names: 1-32 characters (CreatePermissionSet). */
const PERMISSION_SET_NAME: StringSchema = { kind: "string", pattern: /^[\w+=,.@-]{1,32}$/, describe: "an IAM Identity Center permission set name (1-32 of A-Z a-z 0-9 + = , . @ _ -)" };

/** CloudWatch Logs accepts only these retention values (0 here means never expire). */
export const LOG_RETENTION_DAYS: readonly number[] = [
    0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];
/** Retention CloudTrail evidence needs (CIS, PCI DSS 10.5.1 keep a year). */
export const MIN_RETENTION_DAYS = 365;

function coreAccount(defaultName: string, defaultOu: string): ObjectSchema {
    return {
        kind: "object",
        fields: {
            name: { ...ACCOUNT_NAME, default: defaultName },
            id: { ...ACCOUNT_ID, optional: true },
            email: ACCOUNT_EMAIL,
            ou: { ...OU_PATH, default: defaultOu },
            create: { kind: "boolean", default: false },
        },
    };
}

const emailList: Schema = { kind: "array", items: EMAIL, default: [] };

export const orgSchema: ObjectSchema = {
    kind: "object",
    fields: {
        organization: {
            kind: "object",
            doc: "The AWS Organization the landing zone manages.",
            fields: {
                id: {
                    kind: "string",
                    pattern: /^(create|o-[a-z0-9]{10,32})$/,
                    describe: `"create" or an organisation id like o-a1b2c3d4e5`,
                    doc: "`create` to create the organisation, or the id of an existing one, which the management stack adopts with `import`.",
                },
            },
        },
        pulumi: {
            kind: "object",
            default: {},
            doc: "Where the stacks live, so stacks can build each other's StackReference names.",
            fields: {
                organization: { kind: "string", pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]*$/, describe: "a Pulumi organisation name", default: "organization", doc: "Pulumi organisation owning the stacks (`organization` on a self-managed backend)." },
                project: { kind: "string", pattern: /^[A-Za-z0-9_.-]+$/, describe: "a Pulumi project name", default: "lz", doc: "Project name in Pulumi.yaml." },
                stacks: {
                    kind: "object",
                    default: {},
                    doc: "Stack names of the bootstrap stack and the three core roles.",
                    fields: {
                        bootstrap: { kind: "string", pattern: /^[A-Za-z0-9_.-]+$/, describe: "a stack name", default: "bootstrap" },
                        management: { kind: "string", pattern: /^[A-Za-z0-9_.-]+$/, describe: "a stack name", default: "management" },
                        logArchive: { kind: "string", pattern: /^[A-Za-z0-9_.-]+$/, describe: "a stack name", default: "log-archive" },
                        security: { kind: "string", pattern: /^[A-Za-z0-9_.-]+$/, describe: "a stack name", default: "security" },
                    },
                },
            },
        },
        profile: {
            kind: "string",
            enum: PROFILES,
            default: "full",
            doc: "Cost profile: the defaults of every costly switch below and in the stack files. `full`: every detection service, protection plan and data source on. `essential`: Macie, Detective, Inspector, every GuardDuty protection plan and CloudTrail data events and Insights off (the `essential` column of the cost table below); a value a stack file sets still wins.",
        },
        namePrefix: {
            kind: "string",
            doc: "Prefix of every physical name (buckets, trail, bus, log groups).",
            pattern: /^[a-z][a-z0-9-]{0,14}[a-z0-9]$/,
            describe: "a lowercase prefix of 2-16 characters (a-z, 0-9, -) usable in S3 bucket names",
        },
        homeRegion: { ...REGION, doc: "Region of the archive, the organisation trail, the central bus and every aggregator; must be among `regions`." },
        regions: { kind: "array", items: REGION, minItems: 1, doc: "Enabled regions (one partition). An opt-in region (launched after March 2019, e.g. me-central-1) must also be listed in optInRegions." },
        optInRegions: {
            kind: "array",
            items: REGION,
            default: [],
            doc: "The opt-in regions among `regions`, acknowledged: AWS keeps them disabled in every account until enabled there, so the management stack enables each in every account of the organisation (`aws.account.Region`, through Account Management's trusted access). Enabling takes minutes to hours; deploy the other stacks once it is done.",
        },
        roles: {
            kind: "object",
            default: {},
            doc: "IAM role names that exist in every account.",
            fields: {
                deployment: { ...ROLE_NAME, default: "LandingZoneDeployment", doc: "Role the providers assume to deploy; exempt from the guardrails." },
                breakGlass: { ...ROLE_NAME, default: "LandingZoneBreakGlass", doc: "Emergency role; the only other principal exempt from the guardrails." },
                investigator: { ...ROLE_NAME, default: "SecurityInvestigator", doc: "Security-account role allowed to read the archive." },
                preview: { ...ROLE_NAME, default: "LandingZonePreview", doc: "Read-only role pull-request previews and the drift check assume in every account (created by the bootstrap StackSet)." },
            },
        },
        bootstrap: bootstrapSchema,
        breakGlass: {
            kind: "object",
            default: {},
            doc: "Who may assume the break-glass role the member baseline creates in every account: principals of the management account only (an administrator of any other account could mint credentials for a principal of its own).",
            fields: {
                users: { kind: "array", items: IAM_USER_NAME, default: [], doc: "IAM users of the management account; each must sign in with MFA within the hour before assuming the role." },
                identityCenterPermissionSets: {
                    kind: "array",
                    items: PERMISSION_SET_NAME,
                    default: [],
                    doc: "IAM Identity Center permission sets whose roles in the management account may assume it (Identity Center enforces MFA at sign-in).",
                },
                maxSessionMinutes: { kind: "integer", min: 60, max: 720, default: 60, doc: "Longest break-glass session (IAM allows 60 to 720 minutes)." },
            },
        },
        accounts: {
            kind: "object",
            doc: "Every account: the three core accounts and the members. Each has name, id, email, ou and create.",
            fields: {
                management: coreAccount("management", "Root"),
                logArchive: coreAccount("log-archive", "Security"),
                security: coreAccount("security", "Security"),
                members: {
                    kind: "array",
                    default: [],
                    doc: "Workload accounts; each gets a `member-<name>` stack.",
                    items: {
                        kind: "object",
                        fields: {
                            name: ACCOUNT_NAME,
                            id: { ...ACCOUNT_ID, optional: true },
                            email: ACCOUNT_EMAIL,
                            ou: OU_PATH,
                            create: { kind: "boolean", default: false },
                        },
                    },
                },
            },
        },
        quietAccounts: {
            kind: "array",
            items: ACCOUNT_NAME,
            optional: true,
            doc: "Accounts where no human should sign in (names from `accounts`; default: the log-archive account; the security and management accounts are candidates): any console sign-in there, successful or not, pages `high`, a break-glass sign-in with a title of its own.",
        },
        retention: {
            kind: "object",
            default: {},
            fields: {
                objectLockDays: { kind: "integer", min: 1, max: 36500, default: 365, doc: "Object Lock (compliance mode) default retention of archived logs; at least 365 unless belowMinimumReason is set." },
                archiveDays: { kind: "integer", min: 1, max: 36500, default: 2557, doc: "Age at which archived logs expire; not before objectLockDays." },
                logGroupDays: { kind: "integer", min: 0, default: 365, doc: "Retention of landing-zone log groups (a CloudWatch Logs value; 0 = never expire)." },
                belowMinimumReason: { kind: "string", optional: true, pattern: /\S{3,}/, describe: "a sentence saying why", doc: "Why retention may be below 365 days (e.g. a sandbox organisation)." },
            },
        },
        tiering: {
            kind: "object",
            default: {},
            fields: {
                glacierInstantRetrievalAfterDays: { kind: "integer", min: 1, default: 90, doc: "Age at which archived logs move to Glacier Instant Retrieval." },
                deepArchiveAfterDays: { kind: "integer", min: 1, default: 365, doc: "Age at which archived logs move to Glacier Deep Archive." },
                noncurrentVersionExpiryDays: {
                    kind: "integer",
                    min: 1,
                    optional: true,
                    doc: "Days an overwritten (noncurrent) version of an archived log is kept after it was replaced; at least retention.archiveDays, its default, so an original always outlives a forgery written over it.",
                },
            },
        },
        health: {
            kind: "object",
            default: {},
            doc: "How the landing zone watches its own pipelines (docs/operations.md lists every signal).",
            fields: {
                heartbeatMinutes: {
                    kind: "integer",
                    min: 5,
                    max: 720,
                    default: 60,
                    doc: "Minutes between two heartbeats every account's forwarding sends to the central bus (a scheduled rule; free); the security account pages when one account's stop.",
                },
                missedIntervals: {
                    kind: "integer",
                    min: 1,
                    max: 288,
                    default: 3,
                    doc: "Consecutive heartbeat or log canary intervals without arrival before the security account pages (interval × missedIntervals at most one day).",
                },
                trailSilentMinutes: {
                    kind: "integer",
                    min: 10,
                    max: 1440,
                    default: 60,
                    doc: "Minutes without a single event in the organisation trail's log group before `trail-silent` pages (a multiple of 5).",
                },
                logCanary: {
                    kind: "object",
                    default: {},
                    doc: "The end-to-end log canary: one small record every interval from one account's log group, through the central CloudWatch Logs destination, into the archive.",
                    fields: {
                        account: {
                            kind: "string",
                            optional: true,
                            pattern: /^[a-z0-9][a-z0-9-]*$/,
                            describe: "the name of an account of accounts, or none",
                            doc: "Name of the account (as in accounts) that sends the canary; its member stack must keep the log subscription on. Default: the first of accounts.members; `none` switches the canary off.",
                        },
                        intervalMinutes: { kind: "integer", min: 5, max: 720, default: 60, doc: "Minutes between two canary records." },
                    },
                },
            },
        },
        alerts: {
            kind: "object",
            default: {},
            fields: {
                emails: {
                    kind: "object",
                    default: {},
                    doc: "E-mail subscribers of the high, medium and low severity topics.",
                    fields: { high: emailList, medium: emailList, low: emailList },
                },
                slack: {
                    kind: "object",
                    optional: true,
                    doc: "Optional AWS Chatbot Slack delivery: workspace id and a channel id per severity.",
                    fields: {
                        workspaceId: { kind: "string", pattern: /^[A-Z0-9]{9,11}$/, describe: "a Slack workspace id like T0123ABCD" },
                        channels: {
                            kind: "object",
                            default: {},
                            fields: {
                                high: { kind: "string", optional: true, pattern: /^[A-Z0-9]{9,11}$/, describe: "a Slack channel id like C0123ABCD" },
                                medium: { kind: "string", optional: true, pattern: /^[A-Z0-9]{9,11}$/, describe: "a Slack channel id like C0123ABCD" },
                                low: { kind: "string", optional: true, pattern: /^[A-Z0-9]{9,11}$/, describe: "a Slack channel id like C0123ABCD" },
                            },
                        },
                    },
                },
            },
        },
        estimate: estimateSettingsSchema,
        response: responseSettingsSchema,
    },
};

/* The shape `check` returns for orgSchema (defaults applied). */
interface RawAccount {
    name: string;
    id?: string;
    email: string;
    ou: string;
    create: boolean;
}
interface RawOrg {
    organization: { id: string };
    profile: Profile;
    pulumi: OrgModel["pulumi"];
    namePrefix: string;
    homeRegion: string;
    regions: (string | undefined)[];
    optInRegions: (string | undefined)[];
    roles: OrgModel["roles"];
    breakGlass: OrgModel["breakGlass"];
    bootstrap?: BootstrapFacts;
    accounts: { management: RawAccount; logArchive: RawAccount; security: RawAccount; members: (RawAccount | undefined)[] };
    quietAccounts?: (string | undefined)[];
    retention: { objectLockDays: number; archiveDays: number; logGroupDays: number; belowMinimumReason?: string };
    tiering: { glacierInstantRetrievalAfterDays: number; deepArchiveAfterDays: number; noncurrentVersionExpiryDays?: number };
    alerts: { emails: Record<Severity, string[]>; slack?: { workspaceId: string; channels: Partial<Record<Severity, string>> } };
    health: { heartbeatMinutes: number; missedIntervals: number; trailSilentMinutes: number; logCanary: { account?: string; intervalMinutes: number } };
    estimate: EstimateSettings;
    response: ResponseSettings;
}

function duplicates<T>(items: readonly T[], key: (t: T) => string | undefined): Map<string, number[]> {
    const seen = new Map<string, number[]>();
    items.forEach((item, i) => {
        const k = key(item);
        if (k === undefined) return;
        seen.set(k, [...(seen.get(k) ?? []), i]);
    });
    return new Map([...seen].filter(([, idx]) => idx.length > 1));
}

/**
 * An opt-in region works in an account only once enabled there, so using one is a decision the file
 * states: every opt-in region of `regions` is listed in `optInRegions` (the management stack then
 * enables it in every account), and `optInRegions` lists nothing else.
 */
function optInProblems(regions: readonly string[], optIn: readonly (string | undefined)[], file: string, problems: ProblemList): void {
    regions.forEach((r, i) => {
        if (REGIONS[r]?.optIn && !optIn.includes(r)) {
            problems.add(
                file,
                `regions[${i}]`,
                `${show(r)} is an opt-in region: AWS keeps it disabled in every account until it is enabled there, and nothing deploys to it before; ` +
                    `add it to optInRegions to have the management stack enable it in every account of the organisation, or remove it from regions`,
            );
        }
    });
    optIn.forEach((r, i) => {
        if (typeof r !== "string") return;
        if (!(r in REGIONS)) problems.add(file, `optInRegions[${i}]`, `${show(r)} is not a known AWS region`);
        else if (!REGIONS[r].optIn) problems.add(file, `optInRegions[${i}]`, `${show(r)} is enabled by default in every account; remove it from optInRegions`);
        else if (!regions.includes(r)) problems.add(file, `optInRegions[${i}]`, `${show(r)} is not among the enabled regions (${regions.join(", ")}); add it to regions or remove it here`);
        if (optIn.indexOf(r) !== i) problems.add(file, `optInRegions[${i}]`, `${show(r)} is listed more than once`);
    });
}

/** Every quiet account names an account of the file, once. */
function quietAccountProblems(quiet: readonly (string | undefined)[] | undefined, accounts: readonly Account[], file: string, problems: ProblemList): void {
    (quiet ?? []).forEach((name, i) => {
        if (typeof name !== "string") return;
        const names = accounts.map((a) => a.name).filter((n): n is string => typeof n === "string");
        if (!names.includes(name)) {
            const hint = closest(name, names);
            problems.add(file, `quietAccounts[${i}]`, `${show(name)} is not the name of an account of this file` + (hint ? ` (did you mean ${show(hint)}?)` : `; use one of ${names.join(", ")}`));
        }
        if (quiet!.indexOf(name) !== i) problems.add(file, `quietAccounts[${i}]`, `${show(name)} is listed more than once`);
    });
}

/**
 * Validates the parsed organisation file and returns the model. Every problem is collected; one
 * ConfigError lists them all.
 */
export function parseOrg(raw: unknown, file: string): OrgModel {
    const problems = new ProblemList();
    if (raw === null || raw === undefined) {
        problems.add(file, "", "is empty; it must define organization, namePrefix, homeRegion, regions and accounts");
        problems.throwIfAny();
    }
    const v = check(orgSchema, raw, file, "", problems) as Partial<RawOrg> | undefined;
    if (!v) {
        problems.throwIfAny();
        throw new Error("unreachable: schema check returned nothing without a problem");
    }

    // Regions: known, one partition, home among them, no repeats.
    const regions = (v.regions ?? []).filter((r): r is string => typeof r === "string");
    regions.forEach((r, i) => {
        if (!(r in REGIONS)) {
            const hint = closest(r, Object.keys(REGIONS));
            problems.add(file, `regions[${i}]`, `${show(r)} is not a known AWS region` + (hint ? ` (did you mean ${show(hint)}?)` : "; use a region code such as us-east-1 (README lists them)"));
        }
    });
    for (const [r, idx] of duplicates(regions, (r) => r)) {
        problems.add(file, `regions[${idx[1]}]`, `${show(r)} is listed more than once`);
    }
    const partitions = new Set(regions.filter((r) => r in REGIONS).map((r) => REGIONS[r].partition));
    if (partitions.size > 1) {
        problems.add(file, "regions", `mixes partitions (${[...partitions].join(", ")}); one landing zone lives in one partition`);
    }
    optInProblems(regions, v.optInRegions ?? [], file, problems);
    if (v.homeRegion !== undefined) {
        if (!(v.homeRegion in REGIONS)) {
            problems.add(file, "homeRegion", `${show(v.homeRegion)} is not a known AWS region`);
        } else if (!regions.includes(v.homeRegion)) {
            problems.add(file, "homeRegion", `${show(v.homeRegion)} is not among the enabled regions (${regions.join(", ")}); add it to regions`);
        }
    }

    // Accounts: unique names, ids and e-mails across core and members.
    const accounts: Account[] = [];
    const a = v.accounts;
    if (a) {
        const core: [AccountKind, keyof RawOrg["accounts"]][] = [
            ["management", "management"],
            ["log-archive", "logArchive"],
            ["security", "security"],
        ];
        for (const [kind, key] of core) {
            const acc = a[key] as RawAccount | undefined;
            if (acc) accounts.push({ ...acc, id: acc.id, kind, configPath: `accounts.${key}` });
        }
        (a.members ?? []).forEach((m, i) => {
            if (m) accounts.push({ ...m, id: m.id, kind: "member", configPath: `accounts.members[${i}]` });
        });
        for (const [field, what] of [
            ["name", "name"],
            ["id", "account id"],
            ["email", "e-mail"],
        ] as const) {
            for (const [value, idx] of duplicates(accounts, (acc) => (field === "email" ? acc.email?.toLowerCase() : acc[field]))) {
                const first = accounts[idx[0]].configPath;
                for (const j of idx.slice(1)) {
                    problems.add(file, `${accounts[j].configPath}.${field}`, `${what} ${show(value)} is already used by ${first}; every account needs its own`);
                }
            }
        }
        // An id that was given but invalid has been reported already; only a missing one is reported here.
        const rawAccounts = (raw as { accounts?: Record<string, unknown> }).accounts ?? {};
        const idGiven = (acc: Account): boolean => {
            const m = /^accounts\.(\w+)(?:\[(\d+)\])?$/.exec(acc.configPath);
            const node = m ? (m[2] !== undefined ? (rawAccounts[m[1]] as unknown[] | undefined)?.[Number(m[2])] : rawAccounts[m[1]]) : undefined;
            return node !== null && typeof node === "object" && (node as Record<string, unknown>).id !== undefined;
        };
        for (const acc of accounts.filter((x) => x.id !== undefined || !idGiven(x))) {
            if (acc.id === undefined && !acc.create) {
                problems.add(file, `${acc.configPath}.id`, `is required for an existing account (or set create: true to have the management stack create it)`);
            }
            if (acc.id === undefined && acc.kind !== "member") {
                problems.add(file, `${acc.configPath}.id`, `is required: the ${acc.kind} account must exist before the landing zone deploys into it`);
            }
            if (acc.kind === "member" && ["management", "log-archive", "security"].includes(acc.name) ) {
                problems.add(file, `${acc.configPath}.name`, `${show(acc.name)} is reserved for a core account; choose another name`);
            }
        }
    }

    // Retention: the archive must outlive the lock, and CloudTrail evidence needs a year.
    const ret = v.retention;
    if (ret) {
        if (ret.logGroupDays !== undefined && !LOG_RETENTION_DAYS.includes(ret.logGroupDays)) {
            problems.add(file, "retention.logGroupDays", `${ret.logGroupDays} is not a CloudWatch Logs retention value; use one of ${LOG_RETENTION_DAYS.join(", ")} (0 = never expire)`);
        }
        if (ret.belowMinimumReason === undefined) {
            if (ret.objectLockDays !== undefined && ret.objectLockDays < MIN_RETENTION_DAYS) {
                problems.add(file, "retention.objectLockDays", `${ret.objectLockDays} days is below the ${MIN_RETENTION_DAYS} days CloudTrail logs must be kept; raise it or set retention.belowMinimumReason`);
            }
            if (ret.logGroupDays !== undefined && ret.logGroupDays !== 0 && ret.logGroupDays < MIN_RETENTION_DAYS) {
                problems.add(file, "retention.logGroupDays", `${ret.logGroupDays} days is below the ${MIN_RETENTION_DAYS} days CloudTrail logs must be kept; raise it, use 0 (never expire) or set retention.belowMinimumReason`);
            }
        }
        if (ret.archiveDays !== undefined && ret.objectLockDays !== undefined && ret.archiveDays < ret.objectLockDays) {
            problems.add(file, "retention.archiveDays", `${ret.archiveDays} is shorter than retention.objectLockDays (${ret.objectLockDays}); objects cannot expire while locked`);
        }
    }
    const t = v.tiering;
    if (t && ret) {
        if (t.deepArchiveAfterDays !== undefined && t.glacierInstantRetrievalAfterDays !== undefined && t.deepArchiveAfterDays <= t.glacierInstantRetrievalAfterDays) {
            problems.add(file, "tiering.deepArchiveAfterDays", `${t.deepArchiveAfterDays} must be later than tiering.glacierInstantRetrievalAfterDays (${t.glacierInstantRetrievalAfterDays})`);
        }
        if (t.deepArchiveAfterDays !== undefined && ret.archiveDays !== undefined && t.deepArchiveAfterDays >= ret.archiveDays) {
            problems.add(file, "tiering.deepArchiveAfterDays", `${t.deepArchiveAfterDays} must be earlier than retention.archiveDays (${ret.archiveDays})`);
        }
        if (t.noncurrentVersionExpiryDays !== undefined && ret.archiveDays !== undefined && t.noncurrentVersionExpiryDays < ret.archiveDays) {
            problems.add(
                file,
                "tiering.noncurrentVersionExpiryDays",
                `${t.noncurrentVersionExpiryDays} is shorter than retention.archiveDays (${ret.archiveDays}): the original of an overwritten log would expire while the version written over it stays; use at least ${ret.archiveDays} or leave the key out`,
            );
        }
    }
    if (v.estimate) validateEstimateSettings(v.estimate, accounts.map((a) => a.name), file, problems);
    const bg = v.breakGlass;
    if (bg && (bg.users ?? []).length === 0 && (bg.identityCenterPermissionSets ?? []).length === 0) {
        problems.add(
            file,
            "breakGlass",
            "names nobody who may assume the break-glass role; list IAM users of the management account under breakGlass.users (MFA required) or Identity Center permission sets under breakGlass.identityCenterPermissionSets",
        );
    }
    for (const key of ["users", "identityCenterPermissionSets"] as const) {
        for (const [name, idx] of duplicates(bg?.[key] ?? [], (x) => x)) problems.add(file, `breakGlass.${key}[${idx[1]}]`, `${show(name)} is listed more than once`);
    }
    quietAccountProblems(v.quietAccounts, accounts, file, problems);
    const slack = v.alerts?.slack;
    if (slack && Object.keys(slack.channels ?? {}).length === 0) {
        problems.add(file, "alerts.slack.channels", "names no channel; give at least one of high, medium, low or remove alerts.slack");
    }

    healthProblems(v.health, accounts, file, problems);
    validateResponseSettings(v.response, accounts, file, problems);

    problems.throwIfAny();
    const full = v as RawOrg;
    const byKind = (kind: AccountKind) => accounts.find((acc) => acc.kind === kind) as DeployedAccount;
    const home = full.homeRegion;
    return {
        file,
        organizationId: full.organization.id,
        profile: full.profile,
        pulumi: full.pulumi,
        namePrefix: full.namePrefix,
        partition: REGIONS[home].partition,
        homeRegion: home,
        regions: [home, ...regions.filter((r) => r !== home)],
        optInRegions: regions.filter((r) => REGIONS[r].optIn),
        roles: full.roles,
        breakGlass: full.breakGlass,
        bootstrap: full.bootstrap,
        management: byKind("management"),
        logArchive: byKind("log-archive"),
        security: byKind("security"),
        accounts,
        quietAccounts: full.quietAccounts === undefined ? [byKind("log-archive").name] : full.quietAccounts.filter((n): n is string => typeof n === "string"),
        retention: { ...full.retention, belowMinimumReason: full.retention.belowMinimumReason },
        tiering: { ...full.tiering, noncurrentVersionExpiryDays: full.tiering.noncurrentVersionExpiryDays ?? full.retention.archiveDays },
        alerts: { emails: full.alerts.emails, slack: full.alerts.slack },
        health: healthOf(full.health, accounts),
        estimate: full.estimate,
        response: responseOf(full.response, accounts),
    };
}

/** The log canary's account: the one named, the first member by default, none when switched off. */
function canaryAccount(h: RawOrg["health"], accounts: readonly Account[]): Account | undefined {
    const name = h.logCanary.account;
    if (name === "none") return undefined;
    if (name === undefined) return accounts.find((a) => a.kind === "member");
    return accounts.find((a) => a.name === name);
}

function healthOf(h: RawOrg["health"], accounts: readonly Account[]): OrgModel["health"] {
    const account = canaryAccount(h, accounts);
    return {
        heartbeatMinutes: h.heartbeatMinutes,
        missedIntervals: h.missedIntervals,
        trailSilentMinutes: h.trailSilentMinutes,
        logCanary: account === undefined ? undefined : { account, intervalMinutes: h.logCanary.intervalMinutes },
    };
}

/** Cross-key checks of `health` the schema cannot express. */
function healthProblems(h: Partial<RawOrg["health"]> | undefined, accounts: readonly Account[], file: string, problems: ProblemList): void {
    if (!h) return;
    const day = 1440;
    if (h.heartbeatMinutes !== undefined && h.missedIntervals !== undefined && h.heartbeatMinutes * h.missedIntervals > day) {
        problems.add(file, "health.missedIntervals", `heartbeatMinutes × missedIntervals is ${h.heartbeatMinutes} × ${h.missedIntervals} = ${h.heartbeatMinutes * h.missedIntervals} minutes, more than one day, the longest a CloudWatch alarm can look back; lower one of them`);
    }
    const canary = h.logCanary;
    if (canary?.intervalMinutes !== undefined && h.missedIntervals !== undefined && canary.intervalMinutes * h.missedIntervals > day) {
        problems.add(file, "health.logCanary.intervalMinutes", `intervalMinutes × health.missedIntervals is ${canary.intervalMinutes} × ${h.missedIntervals} = ${canary.intervalMinutes * h.missedIntervals} minutes, more than one day, the longest a CloudWatch alarm can look back; lower one of them`);
    }
    if (h.trailSilentMinutes !== undefined && h.trailSilentMinutes % 5 !== 0) {
        problems.add(file, "health.trailSilentMinutes", `${h.trailSilentMinutes} is not a multiple of 5 (the alarm counts 5-minute periods); use ${Math.max(10, Math.round(h.trailSilentMinutes / 5) * 5)}`);
    }
    const name = canary?.account;
    if (typeof name === "string" && name !== "none" && !accounts.some((a) => a.name === name)) {
        // Accounts whose own name is invalid are reported on their key; they cannot be suggested.
        const names = accounts.map((a) => a.name).filter((n): n is string => typeof n === "string");
        const hint = closest(name, names);
        const some = names.length > 6 ? `${names.slice(0, 5).join(", ")}, … (${names.length} in all)` : names.join(", ");
        problems.add(file, "health.logCanary.account", `${show(name)} is not an account of accounts` + (hint ? ` (did you mean ${show(hint)}?)` : "") + `; use the name of one (${some}), or none`);
    }
}
