import { charge, type CostLine } from "../cost-line";
import { ofTypes } from "../estimate-context";
import { regionOf } from "../estimated-resource";
import type { PricingRule } from "./pricing-rule";

/**
 * Customer managed keys: a key-month each, and with automatic rotation one more for each of the
 * first two rotations (the steady state after two years: three key-months). Requests are priced
 * with what makes them (the trail's log files).
 */
export const kmsKeys: PricingRule = {
    id: "kms-keys",
    types: ["aws:kms/key:Key"],
    lines(stack, ctx): CostLine[] {
        return ofTypes(stack, ...this.types).map((k) =>
            charge("kmsKey", k.inputs.enableKeyRotation === true ? 3 : 1, regionOf(k, ctx.org.homeRegion), k.inputs.enableKeyRotation === true ? "rotated keys, steady state after two rotations" : "keys without rotation"),
        );
    },
};
