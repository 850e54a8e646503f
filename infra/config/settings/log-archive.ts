import type { ObjectSchema } from "../schema";
import { PRICING_PAGES } from "../pricing-pages";
import type { ProblemList } from "../errors";
import type { OrgModel } from "../model";
import { partitionDnsSuffix, REGIONS } from "../regions";
import { elbLogWriter } from "../elb-log-writers";

/** Settings of the `log-archive` role (`lz:logArchive` in its stack file). */
export interface LogArchiveSettings {
    /** Region of an optional cross-region replica of the archive. */
    readonly replicaRegion: string | undefined;
    /** Protect buckets and keys from `pulumi destroy`; turn off only to tear down a test org. */
    readonly protect: boolean;
    /** Athena query layer over the archive. */
    readonly query: {
        /** Per-query limit of data scanned (bytes); Athena cancels a query that reads more. */
        readonly bytesScannedCutoffPerQuery: number;
        /** Days query results are kept. */
        readonly resultsExpiryDays: number;
    };
}

/** Athena's minimum per-query limit is 10 MB; the default (10 GiB) stops runaway scans of the whole archive. */
const MIN_CUTOFF = 10 * 1024 * 1024;
const DEFAULT_CUTOFF = 10 * 1024 * 1024 * 1024;

export const logArchiveSettingsSchema: ObjectSchema = {
    kind: "object",
    default: {},
    fields: {
        replicaRegion: {
            kind: "string",
            optional: true,
            pattern: /^[a-z]{2}(-[a-z]+)+-\d$/,
            describe: "an AWS region name",
            doc: "Region of a cross-region replica of the archive (Object Lock, own key, replicated live); unset: no replica.",
            cost: { unit: "per GB stored a second time and per GB replicated across regions", pricing: PRICING_PAGES.s3 },
        },
        protect: { kind: "boolean", default: true, doc: "`protect` + `retainOnDelete` on every bucket and key; turn off only to tear down a test organisation." },
        query: {
            kind: "object",
            default: {},
            doc: "Athena query layer over the archive.",
            fields: {
                bytesScannedCutoffPerQuery: {
                    kind: "integer",
                    min: MIN_CUTOFF,
                    default: DEFAULT_CUTOFF,
                    doc: "Per-query limit of data scanned, in bytes (Athena cancels a query that reads more; minimum 10 MB).",
                },
                resultsExpiryDays: { kind: "integer", min: 1, default: 30, doc: "Days Athena query results are kept in the results bucket." },
            },
        },
    },
};

/**
 * Every enabled region gets an ELB staging bucket whose policy names the region's ELB writer: a
 * region AWS documents neither an ELB account nor the log-delivery service principal for cannot be
 * planned until it is classified in `infra/config/elb-log-writers.ts`.
 *
 * The replica must be an enabled region other than the home region: the region guardrail denies
 * requests to other regions to every principal but the exempt roles, replication and readers included.
 */
export function validateLogArchiveSettings(s: LogArchiveSettings, org: OrgModel, file: string, path: string, problems: ProblemList): void {
    for (const region of org.regions) {
        if (elbLogWriter(org.partition, region, partitionDnsSuffix(org.partition)) === undefined) {
            problems.add(
                org.file,
                "regions",
                `"${region}" has no known Elastic Load Balancing log writer (neither a regional ELB account nor logdelivery.elasticloadbalancing); classify it in infra/config/elb-log-writers.ts from AWS's "Enable access logs" page, or disable the region`,
            );
        }
    }
    if (s.replicaRegion === undefined) return;
    const info = REGIONS[s.replicaRegion];
    if (!info) {
        problems.add(file, `${path}.replicaRegion`, `"${s.replicaRegion}" is not a known AWS region`);
    } else if (info.partition !== org.partition) {
        problems.add(file, `${path}.replicaRegion`, `"${s.replicaRegion}" is in partition ${info.partition}, the organisation is in ${org.partition}`);
    } else if (s.replicaRegion === org.homeRegion) {
        problems.add(file, `${path}.replicaRegion`, `"${s.replicaRegion}" is the home region; a replica must be in another region`);
    } else if (!org.regions.includes(s.replicaRegion)) {
        problems.add(file, `${path}.replicaRegion`, `"${s.replicaRegion}" is not among the enabled regions (${org.regions.join(", ")}) of ${org.file}; add it to regions or pick one of them`);
    }
}
