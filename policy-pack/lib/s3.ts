/**
 * S3 bucket facts across provider versions: v5 `Bucket` (inline `loggings[]`, `versioning`,
 * `objectLockConfiguration.objectLockEnabled = "Enabled"`), v6 `BucketV2` (`loggings[]`,
 * `versionings[]`, `objectLockEnabled`), v7 `Bucket` (`logging`, `versioning`, `objectLockEnabled`),
 * and the separate BucketLogging / BucketVersioning / BucketObjectLockConfiguration resources (V2 tokens too).
 */
import type { Res, StackView } from "./rule";
import { S3_BUCKET, S3_BUCKET_LOGGING, S3_BUCKET_VERSIONING, S3_OBJECT_LOCK, TRAIL } from "./types";
import { bool, get, isUnknown, list, plain, str, UNKNOWN, type Unknown } from "./values";

/** The bucket's name for messages. */
export function label(b: Res): string {
    const n = str(b.get("bucket"));
    return typeof n === "string" ? `${b.name} (${n})` : b.name;
}

/** Inline access-log target buckets (v5/v6 `loggings[]`, v7 `logging`). */
export function inlineLogTargets(b: Res): string[] | Unknown {
    const out: string[] = [];
    const many = list(b.props.loggings);
    if (isUnknown(many)) return UNKNOWN;
    for (const l of many) {
        const t = str(get(l, "targetBucket"));
        if (isUnknown(t)) return UNKNOWN;
        if (t) out.push(t);
    }
    const one = plain(b.props.logging);
    if (isUnknown(one)) return UNKNOWN;
    const t = str(get(one, "targetBucket"));
    if (isUnknown(t)) return UNKNOWN;
    if (t) out.push(t);
    return out;
}

/** Separate logging resources of `bucket`. */
export function loggingResourcesOf(stack: StackView, bucket: Res): Res[] {
    return stack.linked(bucket, S3_BUCKET_LOGGING, "bucket", ["bucket"]);
}

/** True when some bucket (inline) or logging resource in the stack sends access logs to `bucket`. */
export function isAccessLogTarget(stack: StackView, bucket: Res): boolean {
    if (stack.linked(bucket, S3_BUCKET_LOGGING, "targetBucket", ["bucket"]).length) return true;
    const inline = stack.memo("s3:inline-targets", () => {
        const names = new Set<string>();
        const urns = new Set<string>();
        for (const b of stack.ofType(S3_BUCKET)) {
            for (const u of [...(b.propertyDependencies.loggings ?? []), ...(b.propertyDependencies.logging ?? [])]) urns.add(u);
            const t = inlineLogTargets(b);
            if (!isUnknown(t)) for (const n of t) names.add(n);
        }
        return { names, urns };
    });
    const name = str(bucket.get("bucket"));
    return inline.urns.has(bucket.urn) || (typeof name === "string" && inline.names.has(name));
}

/** Versioning: inline (`versioning.enabled`, `versionings[].enabled`) or a BucketVersioning with status Enabled. */
export function versioning(stack: StackView, bucket: Res): boolean | Unknown {
    const inline = bool(bucket.get("versioning.enabled"));
    if (inline === true) return true;
    const many = list(bucket.props.versionings);
    if (!isUnknown(many) && many.some((v) => bool(get(v, "enabled")) === true)) return true;
    let unknown = isUnknown(inline) || isUnknown(many);
    for (const v of stack.linked(bucket, S3_BUCKET_VERSIONING, "bucket", ["bucket"])) {
        const s = str(v.get("versioningConfiguration.status"));
        if (s === "Enabled") return true;
        if (isUnknown(s)) unknown = true;
    }
    return unknown ? UNKNOWN : false;
}

/** Object Lock turned on at creation (v6/v7 `objectLockEnabled`, v5 `objectLockConfiguration.objectLockEnabled`). */
export function objectLockEnabled(bucket: Res): boolean | Unknown {
    const flag = bool(bucket.get("objectLockEnabled"));
    if (flag === true) return true;
    const legacy = str(bucket.get("objectLockConfiguration.objectLockEnabled"));
    if (legacy === "Enabled") return true;
    return isUnknown(flag) || isUnknown(legacy) ? UNKNOWN : false;
}

/** A default retention rule: inline `objectLockConfiguration.rule.defaultRetention` or a BucketObjectLockConfiguration. */
export function defaultRetention(stack: StackView, bucket: Res): boolean | Unknown {
    const inline = plain(bucket.get("objectLockConfiguration.rule.defaultRetention"));
    if (isUnknown(inline)) return UNKNOWN;
    if (inline && typeof inline === "object") return true;
    let unknown = false;
    for (const c of stack.linked(bucket, S3_OBJECT_LOCK, "bucket", ["bucket"])) {
        const r = plain(c.get("rule.defaultRetention"));
        if (isUnknown(r)) unknown = true;
        else if (r && typeof r === "object") return true;
    }
    return unknown ? UNKNOWN : false;
}

/** Tag that marks log buckets: `<key>=<kind>`. */
export const LOG_BUCKET_TAG = { type: "string", default: "lz:log-bucket", description: "Tag key marking log buckets (value: archive, staging, access-logs, ...)." } as const;

/** Buckets that hold logs, by tag or by use in this stack (trail destination, access-log target). */
export function logBuckets(stack: StackView, tagKey: string): Res[] {
    return stack.ofType(S3_BUCKET).filter((b) => {
        const t = b.tags;
        if (!isUnknown(t) && t[tagKey] !== undefined) return true;
        if (stack.linked(b, TRAIL, "s3BucketName", ["bucket"]).length) return true;
        return isAccessLogTarget(stack, b);
    });
}
