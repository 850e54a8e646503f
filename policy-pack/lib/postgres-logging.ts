/**
 * PostgreSQL query logging (RDS for PostgreSQL instances, Aurora PostgreSQL and Multi-AZ clusters) is
 * the `log_statement` parameter of the database's parameter group: unset it is `none` and the
 * engine logs no statement at all, whatever log exports are turned on.
 */
import { checkGroupParameter, groupOf } from "./parameter-groups";
import { alternatives } from "./text";
import type { Basis, ConfigProperty, Config, RuleMeta, StackFindings, StackView } from "./rule";
import { isUnknown, str } from "./values";

/** `log_statement` values from least to most logged (PostgreSQL "Error Reporting and Logging"). */
const LEVELS = ["none", "ddl", "mod", "all"] as const;

const LOG_STATEMENT_CONFIG: ConfigProperty = {
    type: "string",
    enum: ["ddl", "mod", "all"],
    default: "ddl",
    description: "Lowest accepted log_statement: ddl (CREATE, ALTER, DROP, GRANT: schema and role changes), mod (ddl plus INSERT, UPDATE, DELETE), all (every statement, reads included).",
};

const POSTGRES_QUERY_LOGGING_BASIS: Basis = {
    control: "Amazon RDS User Guide, \"Turning on query logging for your RDS for PostgreSQL DB instance\" (no Security Hub, Config or CIS AWS Foundations control covers query logging)",
    page: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Concepts.PostgreSQL.Query_Logging.html",
    note: "AWS turns query logging on with log_statement (which statements) or log_min_duration_statement (statements slower than a threshold). The rule requires log_statement at ddl or more by default: it records every schema and role change whatever its speed, which is what an investigation needs; a duration threshold records slow statements only, so it does not replace log_statement (the rule neither requires nor forbids it). Checkov's CKV2_AWS_30 looks for the same parameter on the instance's group; Aurora clusters are judged on their cluster parameter group.",
};

/** What the instance and the cluster rule share: one control basis, level and setting. */
export const POSTGRES_QUERY_LOGGING = {
    controls: {
        cis: [],
        securityHub: [],
        awsConfig: [],
        nist: ["AU-2", "AU-3", "AU-12"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    config: { minimumLogStatement: LOG_STATEMENT_CONFIG },
    follows: POSTGRES_QUERY_LOGGING_BASIS,
} as const satisfies Pick<RuleMeta, "controls" | "enforcementLevel" | "severity" | "config" | "follows">;

/** Which databases of a stack a PostgreSQL query-logging rule judges, and where their group is named. */
export interface Databases {
    readonly types: readonly string[];
    readonly engines: readonly string[];
    /** "instance" or "cluster", for messages. */
    readonly kind: string;
    readonly prop: string;
    readonly groupTypes: readonly string[];
    readonly groupClass: string;
}

function level(v: string): number {
    return (LEVELS as readonly string[]).indexOf(v.trim().toLowerCase());
}

/** Judges the `log_statement` of the group every PostgreSQL database of `d.types` uses. */
export function checkQueryLogging(stack: StackView, d: Databases, config: Config, f: StackFindings): void {
    const min = typeof config.minimumLogStatement === "string" && level(config.minimumLogStatement) > 0 ? config.minimumLogStatement : "ddl";
    const accepted = alternatives(LEVELS.slice(level(min)));
    for (const db of stack.ofType(d.types)) {
        const engine = str(db.get("engine"));
        if (isUnknown(engine)) {
            f.unknown(db, `engine of ${d.kind} ${db.name}`);
            continue;
        }
        if (engine === undefined || !d.engines.includes(engine)) continue;
        checkGroupParameter(groupOf(stack, db, d.prop, d.groupTypes), {
            db,
            what: `${d.kind} ${db.name}`,
            topic: "query logging",
            prop: d.prop,
            groupClass: d.groupClass,
            parameter: "log_statement",
            accepts: (v) => level(v) >= level(min),
            wanted: accepted,
            defaultValue: "\"none\"",
            fix: `{ name: "log_statement", value: "${min}" }`,
        }, f);
    }
}
