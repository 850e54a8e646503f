import * as assert from "assert";
import { SAVED_QUERIES, sinceDay, LOGGING_TAMPER_EVENTS } from "../../../../infra/components/log-archive/saved-queries";
import { logTables, PARTITION_KEYS, type LogTable } from "../../../../infra/components/log-archive/log-tables";
import { DEFAULT_ARCHIVE_PREFIXES } from "../../../../infra/iam/archive-bucket-policy";
import { columnProblems, parseHiveType, tokenize, type TableSchema } from "./sql-columns";

const tables = logTables({ organizationId: "o-exampleorg1", prefixes: DEFAULT_ARCHIVE_PREFIXES, regions: ["us-east-1"], cloudTrailRegions: ["us-east-1"] });
const schema = (t: LogTable): TableSchema => ({ qualifiedName: `"db"."${t.name}"`, columns: t.columns, partitionKeys: PARTITION_KEYS.map((name) => ({ name, type: "string" })) });
const cloudTrail = schema(tables.cloudTrail);
const cloudWatchLogs = schema(tables.cloudWatchLogs);
const sqlOf = (id: string) => {
    const q = SAVED_QUERIES.find((x) => x.id === id)!;
    return q.sql(`"db"."${tables[q.table].name}"`, q.lookbackDays);
};

describe("saved queries", () => {
    it("cover failed console logins, root usage, logins without MFA, unauthorised calls, logging changes, rejected flows and a log group's recent events", () => {
        assert.deepStrictEqual(
            SAVED_QUERIES.map((q) => q.id),
            ["failed-console-logins", "root-account-usage", "console-logins-without-mfa", "unauthorized-api-calls", "logging-configuration-changes", "top-rejected-flows", "recent-log-group-events"],
        );
    });
    for (const q of SAVED_QUERIES) {
        it(`${q.id} references only columns its table declares`, () => {
            assert.deepStrictEqual(columnProblems(q.sql(`"db"."${tables[q.table].name}"`, q.lookbackDays), schema(tables[q.table])), []);
        });
        it(`${q.id} reads only the last ${q.lookbackDays} day(s) of partitions`, () => {
            assert.ok(q.sql('"db"."t"', q.lookbackDays).includes(`WHERE ${sinceDay(q.lookbackDays)}`));
        });
    }
    it("bounds the day partition with today included: 7 days back means today and the 6 before", () => {
        assert.strictEqual(sinceDay(7), "day >= date_format(date_add('day', -6, current_date), '%Y/%m/%d')");
    });
    it("finds trail, Config and GuardDuty tampering by event source and name", () => {
        const sql = sqlOf("logging-configuration-changes");
        for (const [source, names] of Object.entries(LOGGING_TAMPER_EVENTS)) {
            assert.ok(sql.includes(`eventsource = '${source}'`), source);
            for (const n of ["StopLogging", "DeleteTrail", "StopConfigurationRecorder", "DeleteDeliveryChannel", "DeleteDetector", "DisassociateFromAdministratorAccount"]) {
                if (names.includes(n)) assert.ok(sql.includes(`'${n}'`), n);
            }
        }
    });
    it("treats AccessDenied* and *UnauthorizedOperation as unauthorised, like the CIS metric filter", () => {
        assert.match(sqlOf("unauthorized-api-calls"), /errorcode LIKE 'AccessDenied%' OR errorcode LIKE '%UnauthorizedOperation'/);
    });
    it("counts only rejected flows", () => {
        assert.match(sqlOf("top-rejected-flows"), /action = 'REJECT'/);
    });
    it("lists a log group's events one row per event, newest first, skipping control messages, the log group asked for as a parameter", () => {
        const sql = sqlOf("recent-log-group-events");
        assert.match(sql, /FROM "db"."cloudwatch_logs"\nCROSS JOIN UNNEST\(logevents\) AS e \(event_id, event_ms, message\)/);
        assert.match(sql, /messagetype = 'DATA_MESSAGE'/);
        assert.match(sql, /loggroup = \?/);
        assert.match(sql, /ORDER BY event_ms DESC/);
    });
});

describe("columnProblems (the SQL check)", () => {
    it("reports a misspelt column", () => {
        assert.deepStrictEqual(columnProblems(`SELECT eventnmae FROM "db"."cloudtrail" WHERE day >= '2026/01/01'`, cloudTrail), [`column eventnmae is not declared by "db"."cloudtrail"`]);
    });
    it("reports a struct field the column's type does not have", () => {
        assert.deepStrictEqual(columnProblems(`SELECT useridentity.sessioncontext.mfa FROM "db"."cloudtrail"`, cloudTrail), ["useridentity.sessioncontext.mfa: mfa is not a field of useridentity.sessioncontext"]);
    });
    it("follows struct fields down to nested ones that exist", () => {
        assert.deepStrictEqual(columnProblems(`SELECT useridentity.sessioncontext.sessionissuer.arn AS issuer FROM "db"."cloudtrail" ORDER BY issuer`, cloudTrail), []);
    });
    it("reports a function outside the allowed list and a table other than the expected one", () => {
        assert.deepStrictEqual(columnProblems(`SELECT regexp_like(eventname, 'x') FROM "db"."other"`, cloudTrail), [`FROM names "db"."other", expected "db"."cloudtrail"`, "unknown function regexp_like"]);
    });
    it("does not mistake string literals and quoted values for columns", () => {
        assert.deepStrictEqual(columnProblems(`SELECT eventname FROM "db"."cloudtrail" WHERE eventname = 'not_a_column' AND errorcode LIKE '%it''s%'`, cloudTrail), []);
    });
    it("refuses a second FROM (a subquery or join the check does not follow)", () => {
        assert.deepStrictEqual(columnProblems(`SELECT eventname FROM "db"."cloudtrail" WHERE eventname IN (SELECT x FROM "db"."cloudtrail")`, cloudTrail)[0], "expected one FROM, found 2");
    });
    it("follows CROSS JOIN UNNEST of an array of structs: one name per field, in order, typed like the field", () => {
        const sql = (names: string, select = "message") => `SELECT ${select} FROM "db"."cloudwatch_logs" CROSS JOIN UNNEST(logevents) AS e (${names}) WHERE day >= '2026/01/01'`;
        assert.deepStrictEqual(columnProblems(sql("event_id, event_ms, message", "event_id, event_ms, message, loggroup"), cloudWatchLogs), []);
        assert.deepStrictEqual(columnProblems(sql("event_id, message"), cloudWatchLogs), ["UNNEST(logevents): 2 column name(s) for 3 struct field(s) (id, timestamp, message)"]);
        assert.deepStrictEqual(columnProblems(sql("event_id, event_ms, msg"), cloudWatchLogs), ["column message is not declared by \"db\".\"cloudwatch_logs\""]);
        assert.deepStrictEqual(columnProblems(sql("event_id, owner, message"), cloudWatchLogs), ["UNNEST(logevents): column name owner hides a column of \"db\".\"cloudwatch_logs\""]);
    });
    it("refuses UNNEST of a column that is not an array, or is not declared, and joins other than CROSS JOIN UNNEST", () => {
        assert.deepStrictEqual(columnProblems(`SELECT m FROM "db"."cloudwatch_logs" CROSS JOIN UNNEST(loggroup) AS e (m)`, cloudWatchLogs), ["UNNEST(loggroup): not an array"]);
        assert.deepStrictEqual(columnProblems(`SELECT m FROM "db"."cloudwatch_logs" CROSS JOIN UNNEST(events) AS e (m)`, cloudWatchLogs)[0], `UNNEST(events): events is not declared by "db"."cloudwatch_logs"`);
        assert.deepStrictEqual(columnProblems(`SELECT f FROM "db"."cloudwatch_logs" CROSS JOIN UNNEST(subscriptionfilters) AS e (f)`, cloudWatchLogs), []);
        assert.ok(columnProblems(`SELECT loggroup FROM "db"."cloudwatch_logs" JOIN UNNEST(logevents) AS e (a, b, c)`, cloudWatchLogs).includes("only CROSS JOIN UNNEST(…) is checked, not other joins"));
    });
    it("parses nested Hive types and rejects malformed ones", () => {
        const t = parseHiveType("struct<a:string,b:array<struct<c:int>>,m:map<string,string>>");
        assert.ok(t.kind === "struct" && [...t.fields.keys()].join() === "a,b,m");
        assert.throws(() => parseHiveType("struct<a:string"), /expected ">"/);
    });
    it("tokenises quoted identifiers without their quotes", () => {
        assert.deepStrictEqual(tokenize(`"db"."t"`).map((t) => `${t.kind}:${t.text}`), ["ident:db", "symbol:.", "ident:t"]);
    });
});
