/**
 * Object keys and table templates, both ways: the key a central-logs Firehose stream writes for a
 * given account and arrival day, and the partition values a table's key template reads back from a key.
 */
import type { LogTable } from "../../../../infra/components/log-archive/log-tables";

/** Partition values of an object key, read back through the table's key template (undefined when the key lies outside it). */
export function partitionsOf(t: Pick<LogTable, "keyTemplate">, key: string): Record<string, string> | undefined {
    const parts = t.keyTemplate.split(/(\$\{[a-z]+\})/);
    const pattern = parts.map((p) => {
        const k = /^\$\{([a-z]+)\}$/.exec(p)?.[1];
        if (!k) return p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        return k === "day" ? `(?<${k}>\\d{4}/\\d{2}/\\d{2})` : `(?<${k}>[^/]+)`;
    });
    const m = new RegExp(`^${pattern.join("")}/[^/]+$`).exec(key);
    return m ? { ...m.groups } : undefined;
}

/** A key Firehose writes: a stream's prefix with its partition key and arrival time filled in, and an object name. */
export function firehoseKey(prefix: string, account: string, yyyy: string, mm: string, dd: string, area = "cloudwatch-logs"): string {
    const folder = prefix.replace("!{partitionKeyFromQuery:area}", area).replace("!{partitionKeyFromQuery:account}", account).replace("!{timestamp:yyyy}", yyyy).replace("!{timestamp:MM}", mm).replace("!{timestamp:dd}", dd);
    if (folder.includes("!{")) throw new Error(`${prefix}: an expression left unfilled`);
    return `${folder}acme-lz-central-logs-3-2026-11-22-10-15-00-0a1b2c3d.gz`;
}
