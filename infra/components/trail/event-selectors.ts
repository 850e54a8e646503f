/**
 * Advanced event selectors of the organisation trail. Advanced selectors replace basic ones
 * entirely, so management events need their own selector; data events on the log archive's own
 * buckets are excluded, because logging the archive's writes into the archive loops and costs money.
 * Exclusions name whole buckets, never a name prefix: any account could create a bucket whose name
 * starts like a landing-zone one and hide its object reads and writes from the trail.
 */
export interface FieldSelector {
    readonly field: string;
    readonly equals?: string[];
    readonly notStartsWiths?: string[];
}

export interface AdvancedEventSelector {
    readonly name: string;
    readonly fieldSelectors: FieldSelector[];
}

export interface EventSelectorOptions {
    /** `arn:<partition>:s3:::` — prefix of every S3 ARN in the partition. */
    readonly s3ArnPrefix: string;
    /** Buckets whose object-level events are never recorded (exact names). */
    readonly excludedBuckets: readonly string[];
    /** Record S3 object-level and Lambda invoke data events. */
    readonly dataEvents: boolean;
}

export function organizationTrailSelectors(o: EventSelectorOptions): AdvancedEventSelector[] {
    const selectors: AdvancedEventSelector[] = [
        { name: "Management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
    ];
    if (!o.dataEvents) return selectors;
    const s3: FieldSelector[] = [
        { field: "eventCategory", equals: ["Data"] },
        { field: "resources.type", equals: ["AWS::S3::Object"] },
    ];
    // Object ARNs are `<prefix><bucket>/<key>`: the trailing slash keeps `archive` from also excluding
    // `archive-2` (CloudTrail API Reference, AdvancedFieldSelector: "The trailing slash is intentional").
    const excluded = [...new Set(o.excludedBuckets)].map((b) => `${o.s3ArnPrefix}${b}/`);
    if (excluded.length > MAX_EXCLUDED_BUCKETS) throw new Error(`excludedBuckets: ${excluded.length} buckets exceed the ${MAX_EXCLUDED_BUCKETS} a trail's selectors can hold (CloudTrail allows 500 values in all)`);
    if (excluded.length > 0) s3.push({ field: "resources.ARN", notStartsWiths: excluded });
    selectors.push({ name: "S3 object events outside the log archive", fieldSelectors: s3 });
    selectors.push({
        name: "Lambda invocations",
        fieldSelectors: [
            { field: "eventCategory", equals: ["Data"] },
            { field: "resources.type", equals: ["AWS::Lambda::Function"] },
        ],
    });
    return selectors;
}

/** Values the other selectors use (management events, the S3 and Lambda conditions): CloudTrail allows 500 in all on a trail. */
export const MAX_EXCLUDED_BUCKETS = 500 - 6;

/** Insight types recorded when Insights are on. */
export const INSIGHT_TYPES = ["ApiCallRateInsight", "ApiErrorRateInsight"] as const;
