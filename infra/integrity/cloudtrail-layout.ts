/**
 * Where an organisation trail puts its files, as AWS documents it:
 *
 * - digests: `<prefix>/AWSLogs/<org id>/<account>/CloudTrail-Digest/<region>/<yyyy>/<mm>/<dd>/
 *   <account>_CloudTrail-Digest_<region>_<trail name>_<home region>_<end: yyyyMMddTHHmmssZ>.json.gz`,
 *   the folder being the digest's end date, and `_backfill` before `.json.gz` for a backfill digest
 *   ("CloudTrail digest file structure", docs.aws.amazon.com/awscloudtrail/latest/userguide/
 *   cloudtrail-log-file-validation-digest-file-structure.html);
 * - log files: `<prefix>/AWSLogs/<org id>/<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/
 *   <account>_CloudTrail_<region>_<delivered: yyyyMMddTHHmmZ>_<16 characters>.json.gz`, the time in
 *   the name being the minute the file was delivered ("CloudTrail log file name format",
 *   docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html).
 */

/** Which trail's files to look at, and under which key prefix of the bucket. */
export interface TrailLocation {
    /** The trail's S3 key prefix, without slashes at either end; `""` when it writes at the bucket root. */
    readonly keyPrefix: string;
    /** Organisation id (`o-…`): an organisation trail adds it after `AWSLogs/`. */
    readonly organizationId: string;
    readonly trailName: string;
    /** Region the trail was created in: the last region in a digest's name. */
    readonly homeRegion: string;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

function pad(n: number, width = 2): string {
    return String(n).padStart(width, "0");
}

function dayPath(day: Date): string {
    return `${day.getUTCFullYear()}/${pad(day.getUTCMonth() + 1)}/${pad(day.getUTCDate())}`;
}

function compact(t: Date, seconds: boolean): string {
    const date = `${t.getUTCFullYear()}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}`;
    return `${date}T${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${seconds ? pad(t.getUTCSeconds()) : ""}Z`;
}

function parseCompact(s: string): Date {
    const [, y, mo, d, h, mi, sec] = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?Z$/.exec(s) ?? [];
    return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec ?? 0)));
}

function escape(s: string): string {
    return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `<prefix>/AWSLogs/<org id>/<account>/`: everything the trail delivers for one account. */
export function accountFolder(loc: TrailLocation, account: string): string {
    return `${loc.keyPrefix === "" ? "" : `${loc.keyPrefix}/`}AWSLogs/${loc.organizationId}/${account}/`;
}

/** Folder of the digests of one account, region and (end) day. */
export function digestFolder(loc: TrailLocation, account: string, region: string, day: Date): string {
    return `${accountFolder(loc, account)}CloudTrail-Digest/${region}/${dayPath(day)}/`;
}

/** Folder of the log files of one account, region and (delivery) day. */
export function logFolder(loc: TrailLocation, account: string, region: string, day: Date): string {
    return `${accountFolder(loc, account)}CloudTrail/${region}/${dayPath(day)}/`;
}

/** Key of the digest of `account` and `region` that ends at `end`. */
export function digestKey(loc: TrailLocation, account: string, region: string, end: Date, backfill = false): string {
    const name = `${account}_CloudTrail-Digest_${region}_${loc.trailName}_${loc.homeRegion}_${compact(end, true)}${backfill ? "_backfill" : ""}.json.gz`;
    return `${digestFolder(loc, account, region, end)}${name}`;
}

/** Key of a log file delivered at `delivered` (minute precision), `unique` being its 16-character suffix. */
export function logKey(loc: TrailLocation, account: string, region: string, delivered: Date, unique: string): string {
    return `${logFolder(loc, account, region, delivered)}${account}_CloudTrail_${region}_${compact(delivered, false)}_${unique}.json.gz`;
}

/** A digest key of this trail, account and region: its end time and whether it is a backfill digest. */
export interface DigestKeyInfo {
    readonly end: Date;
    readonly backfill: boolean;
}

/**
 * Reads a digest key of this trail, account and region, or undefined for any other key (another
 * trail, account or region writing to the same bucket, or not a digest at all).
 */
export function parseDigestKey(loc: TrailLocation, account: string, region: string, key: string): DigestKeyInfo | undefined {
    const folder = `${escape(accountFolder(loc, account))}CloudTrail-Digest/${escape(region)}/\\d{4}/\\d{2}/\\d{2}/`;
    const name = `${escape(account)}_CloudTrail-Digest_${escape(region)}_${escape(loc.trailName)}_${escape(loc.homeRegion)}_(\\d{8}T\\d{6}Z)(_backfill)?\\.json\\.gz`;
    const m = new RegExp(`^${folder}${name}$`).exec(key);
    return m ? { end: parseCompact(m[1]), backfill: m[2] !== undefined } : undefined;
}

/** The delivery minute of a log file key of this account and region, or undefined for any other key. */
export function parseLogKey(loc: TrailLocation, account: string, region: string, key: string): Date | undefined {
    const folder = `${escape(accountFolder(loc, account))}CloudTrail/${escape(region)}/\\d{4}/\\d{2}/\\d{2}/`;
    const m = new RegExp(`^${folder}${escape(account)}_CloudTrail_${escape(region)}_(\\d{8}T\\d{4}Z)_[A-Za-z0-9]+\\.json\\.gz$`).exec(key);
    return m ? parseCompact(m[1]) : undefined;
}

/** Midnight UTC of every day from the day of `from` to the day of `to`, both included. */
export function utcDays(from: Date, to: Date): Date[] {
    const days: Date[] = [];
    const first = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
    for (let t = first; t <= to.getTime(); t += DAY_MS) days.push(new Date(t));
    return days;
}

