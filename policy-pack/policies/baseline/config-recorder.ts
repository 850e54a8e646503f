import { baselineConfig, notSelected, selected } from "../../lib/baseline";
import { stackRule } from "../../lib/rule";
import { CONFIG_DELIVERY_CHANNEL, CONFIG_RECORDER, CONFIG_RECORDER_STATUS } from "../../lib/types";
import { bool, isUnknown, str } from "../../lib/values";

/** Every account must record its configuration in every enabled region. */
export const baselineConfigRecorder = stackRule({
    name: "lz-baseline-config-recorder",
    description: "Account-baseline stacks contain, in each required region, a Config recorder with an enabled status and a delivery channel.",
    controls: {
        cis: ["3.3"],
        securityHub: ["Config.1"],
        awsConfig: [],
        nist: ["CM-8", "AU-12"],
        soc2: ["CC7.1"],
    },
    enforcementLevel: "mandatory",
    severity: "high",
    types: [...CONFIG_RECORDER, ...CONFIG_RECORDER_STATUS, ...CONFIG_DELIVERY_CHANNEL],
    config: {
        ...baselineConfig("account"),
        requiredRegions: { type: "array", items: { type: "string" }, default: [], description: "Regions that must each have a recorder (empty: at least one recorder anywhere)." },
    },
    remediation: "Add an aws.cfg.Recorder, aws.cfg.DeliveryChannel and aws.cfg.RecorderStatus (isEnabled: true) per enabled region (the member stack's Config component).",
    check(stack, config, f) {
        if (!selected(stack, config, "account")) return f.notApplicable(notSelected(config, "account"));
        const recorders = stack.ofType(CONFIG_RECORDER);
        const channels = stack.ofType(CONFIG_DELIVERY_CHANNEL);
        const regionOf = (r: { get(p: string): unknown }) => {
            const v = str(r.get("region"));
            return isUnknown(v) ? "?" : v ?? "(provider region)";
        };
        const required = Array.isArray(config.requiredRegions) ? (config.requiredRegions as string[]) : [];
        if (!recorders.length) return f.fail(null, "This account-baseline stack has no AWS Config recorder: add the Config recorder, delivery channel and enabled recorder status.");
        for (const region of required) {
            if (!recorders.some((r) => regionOf(r) === region)) f.fail(null, `Add an AWS Config recorder in ${region} (required region of the account baseline).`);
        }
        for (const rec of recorders) {
            const mine = [...new Set([...stack.linked(rec, CONFIG_RECORDER_STATUS, "name", ["name"]), ...stack.dependents(rec).filter((d) => CONFIG_RECORDER_STATUS.includes(d.type as never))])];
            const states = mine.map((s) => bool(s.get("isEnabled")));
            if (!states.includes(true)) {
                if (states.some(isUnknown)) f.unknown(rec, `isEnabled of recorder ${rec.name}'s status`);
                else f.fail(rec, `Add an aws.cfg.RecorderStatus with \`name\` of recorder ${rec.name} and \`isEnabled: true\`.`);
            }
            if (!channels.some((c) => regionOf(c) === regionOf(rec))) f.fail(rec, `Add an aws.cfg.DeliveryChannel in the region of recorder ${rec.name} (${regionOf(rec)}).`);
        }
    },
});
