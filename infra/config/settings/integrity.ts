import type { ObjectSchema } from "../schema";

/** Settings of the scheduled CloudTrail log integrity validation (`lz:security.integrity`). */
export interface IntegritySettings {
    /** Validate the previous day's digests of every account and enabled region once a day. */
    readonly enabled: boolean;
    /** UTC hour of the daily run. */
    readonly hourUtc: number;
    /** Hours without a passing run before the evidence alarm pages. */
    readonly missingAfterHours: number;
    /** Account × region chains validated at once. */
    readonly parallel: number;
    /** Memory of the function, MB (Lambda gives CPU in proportion). */
    readonly memoryMb: number;
}

export const integritySettingsSchema: ObjectSchema = {
    kind: "object",
    default: {},
    doc: "The scheduled CloudTrail log integrity validation (docs/log-integrity.md): a function of the security account validates the previous UTC day's digest chains org-wide and puts the result on the central bus (a failure or gap pages high).",
    fields: {
        enabled: {
            kind: "boolean",
            default: true,
            doc: "Run the daily validation, its schedule and alarms.",
            cost: { unit: "per Lambda GB-second and per S3 GET of a day's digests and log files (and per KMS decrypt through S3)", pricing: "https://aws.amazon.com/lambda/pricing/" },
        },
        hourUtc: {
            kind: "integer",
            min: 2,
            max: 23,
            default: 3,
            doc: "UTC hour of the daily run; at least 2, because CloudTrail delivers a day's last digests within the hour after it ends.",
        },
        missingAfterHours: {
            kind: "integer",
            min: 25,
            max: 168,
            default: 30,
            doc: "Hours without a passing run before the evidence alarm pages high (more than a day, so a daily run that ends a little later than the day before never pages; at most 7 days, the longest a CloudWatch alarm looks back).",
        },
        parallel: { kind: "integer", min: 1, max: 32, default: 4, doc: "Account × region chains the run validates at once (each reads 16 objects at a time)." },
        memoryMb: { kind: "integer", min: 512, max: 10240, default: 1024, doc: "Memory of the validation function (CPU grows with it)." },
    },
};
