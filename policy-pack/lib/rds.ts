/** Which CloudWatch Logs exports each RDS engine family needs (Security Hub RDS.9 and its per-engine siblings). */
import { configuredList, missingExports } from "./log-exports";
import { quoted } from "./text";
import type { ConfigProperty, Res, Findings, Config } from "./rule";
import { isUnknown } from "./values";

export const DEFAULT_EXPORTS: Record<string, string[]> = {
    mysql: ["audit", "error", "general", "slowquery"],
    mariadb: ["audit", "error", "general", "slowquery"],
    postgres: ["postgresql"],
    oracle: ["alert", "audit", "listener", "trace"],
    sqlserver: ["agent", "error"],
    db2: ["diag.log", "notify.log"],
};

export const EXPORTS_CONFIG: ConfigProperty = {
    type: "object",
    default: DEFAULT_EXPORTS,
    description: "Log types that must be exported per engine family (mysql, mariadb, postgres, oracle, sqlserver, db2; aurora-mysql counts as mysql, aurora-postgresql as postgres).",
};

/** Engine name → family key, or undefined for engines the rule does not judge. */
export function family(engine: string): string | undefined {
    const e = engine.toLowerCase();
    if (e === "aurora" || e === "aurora-mysql" || e === "mysql") return "mysql";
    if (e === "aurora-postgresql" || e === "postgres") return "postgres";
    if (e === "mariadb") return "mariadb";
    if (e.startsWith("oracle")) return "oracle";
    if (e.startsWith("sqlserver")) return "sqlserver";
    if (e.startsWith("db2")) return "db2";
    return undefined;
}

export function checkExports(r: Res, config: Config, f: Findings, engine: string): void {
    const fam = family(engine);
    if (!fam) return;
    const table = (config.requiredExports && typeof config.requiredExports === "object" ? config.requiredExports : DEFAULT_EXPORTS) as Record<string, unknown>;
    const required = configuredList(table[fam]);
    if (!required.length) return;
    const missing = missingExports(r, "enabledCloudwatchLogsExports", required);
    if (isUnknown(missing)) return f.unknown("enabledCloudwatchLogsExports");
    if (missing.length) {
        f.fail(`Add ${quoted(missing)} to \`enabledCloudwatchLogsExports\` (engine ${engine} needs ${required.join(", ")}).`);
    }
}
