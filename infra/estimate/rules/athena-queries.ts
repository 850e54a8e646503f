import { charge, type CostLine } from "../cost-line";
import { ofTypes } from "../estimate-context";
import { regionOf } from "../estimated-resource";
import type { PricingRule } from "./pricing-rule";

const GB_PER_TB = 1024;

/**
 * Saved Athena queries run by the security team: each runs `queryRunsPerMonth` times, scanning
 * `queryScanGb` or the workgroup's per-query limit, whichever is smaller.
 */
export const athenaQueries: PricingRule = {
    id: "athena-queries",
    types: ["aws:athena/namedQuery:NamedQuery"],
    lines(stack, ctx): CostLine[] {
        const queries = ofTypes(stack, ...this.types);
        if (queries.length === 0) return [];
        const cutoff = ofTypes(stack, "aws:athena/workgroup:Workgroup")
            .map((w) => (w.inputs.configuration as { bytesScannedCutoffPerQuery?: number } | undefined)?.bytesScannedCutoffPerQuery)
            .find((b): b is number => typeof b === "number");
        const { queryRunsPerMonth: runs, queryScanGb } = ctx.org.estimate;
        const gb = cutoff === undefined ? queryScanGb : Math.min(queryScanGb, cutoff / 1024 ** 3);
        return [
            charge(
                "athenaScanTb",
                (queries.length * runs * gb) / GB_PER_TB,
                regionOf(queries[0], ctx.org.homeRegion),
                `${queries.length} saved queries × ${runs} runs × ${gb} GB${cutoff === undefined ? "" : ` (workgroup limit ${Math.round(cutoff / 1024 ** 3)} GB)`}`,
            ),
        ];
    },
};
