import { resourceRule } from "../../lib/rule";
import { ECS_TASK_DEFINITION } from "../../lib/types";
import { get, isUnknown, json, str } from "../../lib/values";

/** A container without a log driver writes to nowhere anyone can read after the task stops. */
export const ecsTaskLogDriver = resourceRule({
    name: "lz-ecs-task-log-driver",
    description: "Every container of an ECS task definition has a log configuration (log driver).",
    controls: {
        cis: [],
        securityHub: ["ECS.9"],
        awsConfig: ["ecs-task-definition-log-configuration"],
        nist: ["AU-2", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    types: ECS_TASK_DEFINITION,
    remediation: "Give every container `logConfiguration: { logDriver: \"awslogs\", options: { \"awslogs-group\": ..., \"awslogs-region\": ..., \"awslogs-stream-prefix\": ... } }` (or awsfirelens).",
    check(r, _c, f) {
        const defs = json(r.props.containerDefinitions);
        if (isUnknown(defs)) return f.unknown("containerDefinitions");
        if (!Array.isArray(defs)) return f.fail("Set `containerDefinitions` to a JSON array of containers, each with a `logConfiguration.logDriver`.");
        const missing = defs
            .map((c, i) => ({ name: str(get(c, "name")), driver: str(get(c, "logConfiguration.logDriver")), i }))
            .filter((c) => !isUnknown(c.driver) && !c.driver)
            .map((c) => (typeof c.name === "string" ? c.name : `#${c.i}`));
        if (missing.length) f.fail(`Add \`logConfiguration.logDriver\` (e.g. "awslogs") to container(s) ${missing.join(", ")}.`);
    },
});
