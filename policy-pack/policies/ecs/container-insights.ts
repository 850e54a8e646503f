import { resourceRule } from "../../lib/rule";
import { ECS_CLUSTER } from "../../lib/types";
import { get, isUnknown, list, str } from "../../lib/values";

/** Task- and container-level metrics help tell an attack (crypto-mining, a crash loop) from load; they cost, so advisory. */
export const ecsContainerInsights = resourceRule({
    name: "lz-ecs-container-insights",
    description: "ECS clusters use CloudWatch Container Insights (setting containerInsights enabled or enhanced); advisory.",
    controls: {
        cis: [],
        securityHub: ["ECS.12"],
        awsConfig: ["ecs-container-insights-enabled"],
        nist: ["SI-4"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "advisory",
    severity: "low",
    types: ECS_CLUSTER,
    remediation: "Add `settings: [{ name: \"containerInsights\", value: \"enabled\" }]` (or \"enhanced\") to the cluster. A cluster without the setting takes the account default (`aws.ecs.AccountSettingDefault` `containerInsights`), which this rule cannot see: add an exception when you rely on it.",
    check(r, _c, f) {
        const settings = list(r.props.settings);
        if (isUnknown(settings)) return f.unknown("settings");
        let unknown = false;
        for (const s of settings) {
            const name = str(get(s, "name"));
            const value = str(get(s, "value"));
            if (isUnknown(name) || (name === "containerInsights" && isUnknown(value))) unknown = true;
            else if (name === "containerInsights" && typeof value === "string" && ["enabled", "enhanced"].includes(value.toLowerCase())) return;
        }
        if (unknown) return f.unknown("settings.containerInsights");
        f.fail("Turn on Container Insights for this cluster: add `{ name: \"containerInsights\", value: \"enabled\" }` (or \"enhanced\") to `settings`.");
    },
});
