import { DAYS_PER_MONTH } from "../archive-storage";
import { charge, type CostLine } from "../cost-line";
import { ofTypes } from "../estimate-context";
import { regionOf } from "../estimated-resource";
import type { PricingRule } from "./pricing-rule";

/** A landing-zone function runs on a schedule or per event: assumed once a minute, for a quarter of its timeout. */
const INVOCATIONS = DAYS_PER_MONTH * 24 * 60;
/** A landing-zone table holds state, not data: assumed 1 GB and a million reads and writes a month. */
const TABLE = { gb: 1, writes: 1_000_000, reads: 1_000_000 };

/** Lambda functions and DynamoDB tables the landing zone may plan, priced on assumed light use. */
export const functionsAndTables: PricingRule = {
    id: "functions-and-tables",
    types: ["aws:lambda/function:Function", "aws:dynamodb/table:Table"],
    lines(stack, ctx): CostLine[] {
        const home = ctx.org.homeRegion;
        const lines: CostLine[] = [];
        for (const f of ofTypes(stack, "aws:lambda/function:Function")) {
            const region = regionOf(f, home);
            const memoryGb = (typeof f.inputs.memorySize === "number" ? f.inputs.memorySize : 128) / 1024;
            const seconds = (typeof f.inputs.timeout === "number" ? f.inputs.timeout : 3) / 4;
            lines.push(charge("lambdaRequests", INVOCATIONS, region, "assumed one invocation a minute"));
            lines.push(charge("lambdaGbSeconds", INVOCATIONS * memoryGb * seconds, region, `${Math.round(memoryGb * 1024)} MB for a quarter of the ${seconds * 4} s timeout`));
        }
        for (const t of ofTypes(stack, "aws:dynamodb/table:Table")) {
            const region = regionOf(t, home);
            lines.push(charge("dynamoStorageGbMonth", TABLE.gb, region, "assumed 1 GB of state"));
            lines.push(charge("dynamoWrites", TABLE.writes, region, "assumed a million writes a month"));
            lines.push(charge("dynamoReads", TABLE.reads, region, "assumed a million reads a month"));
        }
        return lines;
    },
};
