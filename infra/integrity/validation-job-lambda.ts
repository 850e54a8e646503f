/**
 * Lambda entry of the scheduled integrity validation: reads the job's configuration from the
 * environment, builds the AWS SDK clients (S3 and EventBridge in the trail's home region,
 * CloudTrail in each validated region) and runs `runIntegrityJob`. The whole report goes to the
 * function's log; the central bus gets the summary event.
 */
import { S3Client } from "@aws-sdk/client-s3";
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { EventBridgeClient, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { parseJsonVariable } from "../config/json-variable";
import { cloudTrailPublicKeys } from "./cloudtrail-public-keys";
import { s3Store } from "./s3-store";
import { CONFIG_VARIABLE, runIntegrityJob, type IntegrityJobConfig, type IntegrityJobInput } from "./validation-job";

export { CONFIG_VARIABLE };

/** Validates the configuration JSON; throws one Error listing every problem. */
export function parseJobConfig(text: string | undefined): IntegrityJobConfig {
    const raw = parseJsonVariable(CONFIG_VARIABLE, text);
    const problems: string[] = [];
    const trail = (raw.trail ?? {}) as Record<string, unknown>;
    if (typeof raw.bucket !== "string" || raw.bucket === "") problems.push("bucket: a bucket name is required");
    for (const f of ["organizationId", "trailName", "homeRegion"]) if (typeof trail[f] !== "string" || trail[f] === "") problems.push(`trail.${f}: required`);
    if (typeof trail.keyPrefix !== "string") problems.push('trail.keyPrefix: required ("" for the bucket root)');
    const list = (f: string, ok: RegExp) => (Array.isArray(raw[f]) && (raw[f] as unknown[]).length > 0 && (raw[f] as unknown[]).every((x) => typeof x === "string" && ok.test(x)) ? undefined : `${f}: a non-empty list of ${ok.source}`);
    for (const p of [list("accounts", /^\d{12}$/), list("regions", /^[a-z]{2}(-[a-z]+)+-\d$/)]) if (p) problems.push(p);
    if (typeof raw.eventBusArn !== "string" || !/^arn:[\w-]+:events:[\w-]+:\d{12}:event-bus\/.+$/.test(raw.eventBusArn)) problems.push("eventBusArn: the ARN of the central event bus");
    if (raw.parallel !== undefined && !(Number.isInteger(raw.parallel) && (raw.parallel as number) >= 1)) problems.push("parallel: a whole number of at least 1");
    if (problems.length > 0) throw new Error(`${CONFIG_VARIABLE}: ${problems.join("; ")}`);
    return raw as unknown as IntegrityJobConfig;
}

export async function handler(event: IntegrityJobInput | null | undefined): Promise<{ status: string; totals: unknown }> {
    const config = parseJobConfig(process.env[CONFIG_VARIABLE]);
    const home = config.trail.homeRegion;
    const cloudTrail = new Map<string, CloudTrailClient>();
    const events = new EventBridgeClient({ region: home });
    const report = await runIntegrityJob(
        config,
        {
            store: s3Store(new S3Client({ region: home }), config.bucket),
            publicKeys: cloudTrailPublicKeys((region) => cloudTrail.get(region) ?? cloudTrail.set(region, new CloudTrailClient({ region })).get(region)!),
            putEvent: async (entry) => {
                const r = await events.send(new PutEventsCommand({ Entries: [entry] }));
                const e = r.Entries?.[0];
                return r.FailedEntryCount ? `${e?.ErrorCode ?? "error"}: ${e?.ErrorMessage ?? "refused"}` : undefined;
            },
            now: () => new Date(),
        },
        event ?? {},
    );
    console.log(JSON.stringify(report));
    return { status: report.status, totals: report.totals };
}
