/**
 * The tag that marks a log bucket and says what kind it is. The policy pack keys off it
 * (`policy-pack/lib/s3.ts` LOG_BUCKET_TAG): every tagged bucket must be versioned
 * (`lz-s3-log-bucket-versioning`), and those of kind `archive` must have Object Lock with a default
 * retention (`lz-s3-log-bucket-object-lock`), which is why the cross-region replica, a locked copy
 * of the archive, is of kind `archive` too.
 */
export const LOG_BUCKET_TAG_KEY = "lz:log-bucket";

/** What a log bucket of the log-archive stack holds. */
export type LogBucketKind = "archive" | "staging" | "access-logs" | "query-results";

/** The tags of a log bucket of `kind`. */
export function logBucketTags(kind: LogBucketKind): Record<string, string> {
    return { [LOG_BUCKET_TAG_KEY]: kind };
}
