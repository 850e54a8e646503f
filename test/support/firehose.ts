/**
 * Where a Firehose stream with dynamic partitioning writes a record, computed the way Firehose does:
 * the stream's own MetadataExtraction JQ query, run by a real jq (jq-wasm, jq compiled to
 * WebAssembly), gives the partition keys; they and the arrival time fill the stream's S3 prefix.
 */
import * as jq from "jq-wasm";

/** The planned `extendedS3Configuration` of a stream, as far as the key goes. */
interface StreamConfig {
    readonly prefix: string;
    readonly processingConfiguration?: { readonly processors?: readonly { readonly type: string; readonly parameters?: readonly { readonly parameterName: string; readonly parameterValue: string }[] }[] };
}

/** The partition keys the stream's MetadataExtraction query gives a (decompressed) record. */
export async function partitionKeys(config: StreamConfig, record: unknown): Promise<Record<string, string>> {
    const extraction = config.processingConfiguration?.processors?.find((p) => p.type === "MetadataExtraction");
    const query = extraction?.parameters?.find((p) => p.parameterName === "MetadataExtractionQuery")?.parameterValue;
    if (query === undefined) throw new Error("the stream has no MetadataExtraction query");
    const keys = (await jq.json(record as object, query)) as Record<string, unknown>;
    for (const [k, v] of Object.entries(keys)) if (typeof v !== "string" || v === "") throw new Error(`partition key ${k} is ${JSON.stringify(v)}: Firehose sends such a record to the error output`);
    return keys as Record<string, string>;
}

/** The key prefix a record arriving at `arrival` is written under. */
export async function recordPrefix(config: StreamConfig, record: unknown, arrival: Date): Promise<string> {
    const keys = await partitionKeys(config, record);
    const two = (n: number) => String(n).padStart(2, "0");
    const filled = config.prefix
        .replace(/!\{partitionKeyFromQuery:(\w+)\}/g, (_, k: string) => {
            if (!(k in keys)) throw new Error(`the prefix uses partition key ${k}, which the query does not give`);
            return keys[k];
        })
        .replace("!{timestamp:yyyy}", String(arrival.getUTCFullYear()))
        .replace("!{timestamp:MM}", two(arrival.getUTCMonth() + 1))
        .replace("!{timestamp:dd}", two(arrival.getUTCDate()));
    if (filled.includes("!{")) throw new Error(`${config.prefix}: an expression left unfilled`);
    return filled;
}

/** A CloudWatch Logs subscription record (the envelope Firehose receives, decompressed). */
export function logsRecord(owner: string, logGroup: string, message: string): Record<string, unknown> {
    return {
        messageType: "DATA_MESSAGE",
        owner,
        logGroup,
        logStream: "2026/12/03/[$LATEST]0a1b2c3d4e5f",
        subscriptionFilters: ["acme-lz-central-logs"],
        logEvents: [{ id: "38245715629395634545810485963870946346563452364782911488", timestamp: 1764756000000, message }],
    };
}
