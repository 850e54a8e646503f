/**
 * `npm run validate-logs` — validates the organisation trail's log files and digests in the archive
 * for every account × region, as AWS documents log file integrity validation (infra/integrity/).
 *
 *   npm run validate-logs -- --from <date> [--to <date>] [--account <id>]... [--region <r>]...
 *   npm run validate-logs -- --local <dir> [--public-keys <dir>] --from <date> ...
 *
 * Against S3 it runs with the credentials of the environment (the investigator role): it lists and
 * reads the archive and calls `cloudtrail:ListPublicKeys` in each validated region. `--local` reads a
 * downloaded copy laid out as in S3 (see docs/log-integrity.md). Exit 0 when every chain passes, 1
 * when any failure or gap is found, 2 on bad arguments.
 */
import * as fs from "fs";
import * as path from "path";
import type { TrailLocation } from "../integrity/cloudtrail-layout";
import { renderReport } from "../integrity/render-report";
import type { ObjectStore } from "../integrity/object-store";
import type { PublicKeySource } from "../integrity/public-keys";
import { validateOrganization } from "../integrity/validate-organization";
import { DEFAULT_ARCHIVE_PREFIXES } from "../iam/archive-bucket-policy";
import { loadOrg, DEFAULT_ORG_FILE } from "../config/load";
import type { OrgModel } from "../config/model";
import { REGIONS } from "../config/regions";
import { archiveBucketName, orgTrailName } from "../naming";
import { parseArgs, UsageError } from "./args";
import { runCli } from "./plan";

const USAGE =
    "usage: npm run validate-logs -- --from <date> [--to <date>] [--account <id>]... [--region <region>]... " +
    "[--local <dir> [--public-keys <dir>]] [--bucket <name>] [--prefix <key prefix>] [--org-id <o-…>] [--trail <name>] " +
    "[--home-region <region>] [--org-file <file>] [--json <file>] [--parallel <n>] [--quiet]";

export interface ValidateLogsOptions {
    readonly from: Date;
    readonly to: Date;
    readonly accounts: readonly string[];
    readonly regions: readonly string[];
    readonly bucket: string;
    readonly trail: TrailLocation;
    /** A downloaded copy of the archive instead of S3. */
    readonly local: string | undefined;
    /** Folder of `<region>.json` public-key lists (local mode). */
    readonly publicKeys: string | undefined;
    readonly json: string | undefined;
    readonly parallel: number;
    readonly quiet: boolean;
}

const ROOT = path.resolve(__dirname, "..", "..");

function usage(message: string): UsageError {
    return new UsageError(`validate-logs: ${message} (npm run validate-logs -- --help)`);
}

/** `YYYY-MM-DD` (midnight UTC) or an ISO time in UTC. */
function parseTime(flag: string, value: string): Date {
    const m = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/.test(value) ? value : undefined;
    const t = m === undefined ? NaN : Date.parse(m);
    if (Number.isNaN(t)) throw usage(`--${flag} ${JSON.stringify(value)} is not a date; use YYYY-MM-DD or a UTC time such as 2026-03-02T00:00:00Z`);
    return new Date(t);
}

/** Resolves the command line against the organisation file (read only when a default is needed). */
export function resolveOptions(argv: readonly string[], now: Date, readOrg: (file: string) => OrgModel): ValidateLogsOptions {
    let args: ReturnType<typeof parseArgs>;
    try {
        args = parseArgs(argv, { flags: ["quiet", "help"], options: ["from", "to", "local", "public-keys", "bucket", "prefix", "org-id", "trail", "home-region", "org-file", "json", "parallel"], repeatable: ["account", "region"] }, USAGE);
    } catch (e) {
        throw e instanceof UsageError ? usage(e.message.split("\n")[0]) : e;
    }
    const o = args.options;
    if (args.positional.length > 0) throw usage(`unexpected argument ${JSON.stringify(args.positional[0])}`);
    if (o.from === undefined) throw usage("--from is required");
    const from = parseTime("from", o.from);
    const to = o.to === undefined ? now : parseTime("to", o.to);
    if (from >= to) throw usage(`--from ${from.toISOString()} must be before --to ${to.toISOString()}`);
    if (o["public-keys"] !== undefined && o.local === undefined) throw usage("--public-keys applies to --local only (against S3 the keys come from cloudtrail:ListPublicKeys)");
    for (const a of args.repeated.account ?? []) if (!/^\d{12}$/.test(a)) throw usage(`--account ${JSON.stringify(a)} is not a 12-digit account id`);
    for (const r of args.repeated.region ?? []) if (!(r in REGIONS)) throw usage(`--region ${JSON.stringify(r)} is not an AWS region`);
    const parallel = Number(o.parallel ?? 4);
    if (!Number.isInteger(parallel) || parallel < 1 || parallel > 64) throw usage(`--parallel ${JSON.stringify(o.parallel)} must be a whole number from 1 to 64`);
    if (o["org-id"] !== undefined && !/^o-[a-z0-9]{10,32}$/.test(o["org-id"])) throw usage(`--org-id ${JSON.stringify(o["org-id"])} is not an organisation id (o- and 10-32 lower-case letters or digits)`);

    let org: OrgModel | undefined;
    const config = (): OrgModel => (org ??= readOrg(o["org-file"] ?? DEFAULT_ORG_FILE));
    const orgId = o["org-id"] ?? config().organizationId;
    if (orgId === "create") throw usage(`${config().file}: organization.id is "create"; pass --org-id with the id of the organisation the management stack created`);
    return {
        from,
        to,
        accounts: args.repeated.account ?? config().accounts.flatMap((a) => (a.id === undefined ? [] : [a.id])),
        regions: args.repeated.region ?? config().regions,
        bucket: o.bucket ?? archiveBucketName(config()),
        trail: {
            keyPrefix: (o.prefix ?? DEFAULT_ARCHIVE_PREFIXES.cloudTrail).replace(/^\/+|\/+$/g, ""),
            organizationId: orgId,
            trailName: o.trail ?? orgTrailName(config()),
            homeRegion: o["home-region"] ?? config().homeRegion,
        },
        local: o.local,
        publicKeys: o["public-keys"] ?? (o.local === undefined ? undefined : path.join(o.local, "public-keys")),
        json: o.json,
        parallel,
        quiet: Boolean(args.flags.quiet),
    };
}

async function sources(opts: ValidateLogsOptions): Promise<{ store: ObjectStore; publicKeys: PublicKeySource }> {
    if (opts.local !== undefined) {
        if (!fs.existsSync(opts.local)) throw usage(`--local ${opts.local}: no such folder`);
        const { localStore, localPublicKeys } = await import("../integrity/local-store");
        return { store: localStore(opts.local, opts.bucket), publicKeys: localPublicKeys(opts.publicKeys!) };
    }
    // The SDK loads only for S3: a local validation works without it and without credentials.
    const { S3Client } = await import("@aws-sdk/client-s3");
    const { CloudTrailClient } = await import("@aws-sdk/client-cloudtrail");
    const { s3Store } = await import("../integrity/s3-store");
    const { cloudTrailPublicKeys } = await import("../integrity/cloudtrail-public-keys");
    const clients = new Map<string, InstanceType<typeof CloudTrailClient>>();
    const cloudTrail = (region: string) => clients.get(region) ?? clients.set(region, new CloudTrailClient({ region })).get(region)!;
    // The archive is in the trail's home region.
    return { store: s3Store(new S3Client({ region: opts.trail.homeRegion }), opts.bucket), publicKeys: cloudTrailPublicKeys(cloudTrail) };
}

export async function main(argv: readonly string[]): Promise<number> {
    if (argv.includes("--help")) {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    const now = new Date();
    const opts = resolveOptions(argv, now, (file) => loadOrg(ROOT, file));
    const { store, publicKeys } = await sources(opts);
    const report = await validateOrganization({ store, trail: opts.trail, publicKeys, accounts: opts.accounts, regions: opts.regions, from: opts.from, to: opts.to, now, parallel: opts.parallel });
    const text = renderReport(report);
    process.stdout.write(`${opts.quiet ? text.split("\n").slice(-1)[0] : text}\n`);
    if (opts.json !== undefined) {
        fs.writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
        process.stdout.write(`report written to ${opts.json}\n`);
    }
    return report.status === "pass" ? 0 : 1;
}

if (require.main === module) {
    runCli(main);
}
