import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { ALB_LOG_COLUMNS, albLogRegex } from "../../../../infra/components/log-archive/alb-log-format";
import { CLOUDTRAIL_COLUMNS, CLOUDWATCH_LOGS_COLUMNS, FLOW_LOG_COLUMNS, logTables, objectGlob, PARTITION_KEYS, projectionProperties } from "../../../../infra/components/log-archive/log-tables";
import { CENTRAL_LOGS_PREFIX } from "../../../../infra/components/log-archive/central-logs-keys";
import { centralLogsKeyPrefix } from "../../../../infra/components/log-archive/log-destinations";
import { renderType } from "../../../../infra/components/log-archive/hive-types";
import { DEFAULT_ARCHIVE_PREFIXES } from "../../../../infra/iam/archive-bucket-policy";
import { REPO_ROOT } from "../../../support/plan";
import { parseHiveType, type HiveNode } from "./sql-columns";
import { firehoseKey, partitionsOf } from "./key-partitions";

const fixture = (name: string) => fs.readFileSync(path.join(REPO_ROOT, "test", "fixtures", name), "utf8");
const ALB_LINES = fixture("queries/alb-access.log").trim().split("\n");
/** Hive's RegexSerDe matches the whole line (Java `matches()`); the pattern uses nothing Java and JavaScript read differently. */
const albMatch = (line: string) => new RegExp(`^(?:${albLogRegex()})$`).exec(line);
const column = (m: RegExpExecArray, name: string) => m[ALB_LOG_COLUMNS.findIndex((c) => c.name === name) + 1];

const tables = logTables({ organizationId: "o-exampleorg1", prefixes: DEFAULT_ARCHIVE_PREFIXES, regions: ["us-east-1", "eu-west-1"], cloudTrailRegions: ["us-east-1", "eu-west-1", "us-east-2"] });

describe("ALB access-log table format", () => {
    it("has one capturing group per column", () => {
        const groups = new RegExp(`${albLogRegex()}|`).exec("")!.length - 1;
        assert.strictEqual(groups, ALB_LOG_COLUMNS.length);
    });
    it("parses every sample line, old and new, as a whole line", () => {
        for (const line of ALB_LINES) assert.ok(albMatch(line), line.slice(0, 60));
    });
    it("splits client and target into address and port, and the request line into verb, URL and protocol", () => {
        const m = albMatch(ALB_LINES[0])!;
        assert.deepStrictEqual(
            ["client_ip", "client_port", "target_ip", "target_port", "elb_status_code", "request_verb", "request_url", "request_proto", "user_agent", "domain_name", "conn_trace_id"].map((c) => column(m, c)),
            ["198.51.100.23", "53211", "10.0.12.44", "8080", "200", "GET", "https://shop.acme.example:443/api/orders?page=2", "HTTP/1.1", "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0", "shop.acme.example", "TID_7c3f0a1b2c3d4e5f6a7b8c9d0e1f2a3b"],
        );
    });
    it("leaves target address and port empty when the request never reached a target", () => {
        const m = albMatch(ALB_LINES[1])!;
        assert.deepStrictEqual([column(m, "target_ip"), column(m, "target_port"), column(m, "elb_status_code"), column(m, "redirect_url")], ["", "", "301", "https://shop.acme.example:443/"]);
    });
    it("reads a line written before the optional trailing fields existed, leaving them null", () => {
        const m = albMatch(ALB_LINES[2])!;
        assert.strictEqual(column(m, "actions_executed"), "waf,forward");
        assert.strictEqual(column(m, "conn_trace_id"), undefined);
    });
    it("ignores fields AWS appends after the known ones", () => {
        assert.strictEqual(column(albMatch(ALB_LINES[3])!, "request_transform_status"), "-");
    });
});

describe("VPC flow-log table format", () => {
    const [header, ...records] = fixture("queries/vpc-flow.log").trim().split("\n");
    it("declares the default format's fields in file order (the header line, with - as _)", () => {
        assert.deepStrictEqual(FLOW_LOG_COLUMNS.map((c) => c.name), header.split(" ").map((f) => f.replace(/-/g, "_")));
    });
    it("skips the header line and splits records on single spaces into every column", () => {
        assert.strictEqual(tables.flowLogs.properties["skip.header.line.count"], "1");
        assert.strictEqual(tables.flowLogs.serde.parameters["field.delim"], " ");
        for (const r of records) assert.strictEqual(r.split(" ").length, FLOW_LOG_COLUMNS.length, r);
    });
});

describe("CloudTrail table format", () => {
    const declared = new Map(CLOUDTRAIL_COLUMNS.map((c) => [c.name, parseHiveType(renderType(c.type))]));
    const records = fs
        .readdirSync(path.join(REPO_ROOT, "test", "fixtures", "cloudtrail"))
        .flatMap((f) => {
            const j = JSON.parse(fixture(`cloudtrail/${f}`));
            return [...(j.positive ?? []), ...(j.negative ?? [])] as Record<string, unknown>[];
        });
    /** Fields of a record (and of its objects, through struct columns) the table does not declare. */
    const undeclared = (value: unknown, node: HiveNode | undefined, at: string): string[] => {
        if (!value || typeof value !== "object" || Array.isArray(value) || !node || node.kind !== "struct") return [];
        return Object.entries(value).flatMap(([k, v]) => {
            const f = node.fields.get(k.toLowerCase());
            return f ? undeclared(v, f, `${at}.${k}`) : [`${at}.${k}`];
        });
    };
    it("declares every field of the sample CloudTrail records, nested identity fields included", () => {
        assert.ok(records.length >= 20, `${records.length} records`);
        const missing = new Set(
            records.flatMap((r) =>
                Object.entries(r).flatMap(([k, v]) => {
                    const node = declared.get(k.toLowerCase());
                    return node ? undeclared(v, node, k) : [k];
                }),
            ),
        );
        assert.deepStrictEqual([...missing], []);
    });
    it("keeps JSON-valued fields as strings, for json_extract_scalar", () => {
        for (const name of ["requestparameters", "responseelements", "additionaleventdata"]) assert.strictEqual(CLOUDTRAIL_COLUMNS.find((c) => c.name === name)?.type, "string", name);
    });
});

describe("CloudWatch Logs table format", () => {
    const records = fixture("queries/cloudwatch-logs.jsonl").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    const declared = new Map(CLOUDWATCH_LOGS_COLUMNS.map((c) => [c.name, parseHiveType(renderType(c.type))]));
    it("declares every field of a subscription record, lowercased, data and control messages alike", () => {
        assert.ok(records.some((r) => r.messageType === "CONTROL_MESSAGE") && records.some((r) => r.messageType === "DATA_MESSAGE"));
        for (const r of records) assert.deepStrictEqual(Object.keys(r).map((k) => k.toLowerCase()).sort(), [...declared.keys()].sort());
    });
    it("types logevents as an array of {id, timestamp, message} structs, the timestamp as bigint milliseconds", () => {
        assert.strictEqual(tables.cloudWatchLogs.columns.find((c) => c.name === "logevents")?.type, "array<struct<id:string,timestamp:bigint,message:string>>");
        for (const r of records) {
            for (const e of r.logEvents as Record<string, unknown>[]) {
                assert.deepStrictEqual(Object.keys(e), ["id", "timestamp", "message"]);
                assert.ok(Number.isSafeInteger(e.timestamp) && typeof e.id === "string" && typeof e.message === "string");
            }
        }
    });
    it("reads the JSON lines with a case-insensitive JSON SerDe (logGroup → loggroup) over gzip text files", () => {
        assert.strictEqual(tables.cloudWatchLogs.serde.library, "org.openx.data.jsonserde.JsonSerDe");
        assert.strictEqual(tables.cloudWatchLogs.serde.parameters["case.insensitive"], "true");
        assert.strictEqual(tables.cloudWatchLogs.inputFormat, "org.apache.hadoop.mapred.TextInputFormat");
    });
});

describe("CloudWatch Logs table location", () => {
    const t = tables.cloudWatchLogs;
    it("lies under the prefix the Firehose streams default to, with Hive-style account= and region= folders and the day", () => {
        assert.strictEqual(t.keyPrefix, `${CENTRAL_LOGS_PREFIX}/`);
        assert.strictEqual(t.keyTemplate, "cloudwatch-logs/account=${account}/region=${region}/${day}");
        assert.strictEqual(projectionProperties(t, { bucketName: "b", accountIds: ["111111111111"], days: 30 })["storage.location.template"], "s3://b/cloudwatch-logs/account=${account}/region=${region}/${day}");
        assert.strictEqual(objectGlob(t), "cloudwatch-logs/account=*/region=*/*/*");
    });
    it("reads an object key a region's stream writes as that account, region and (UTC arrival) day", () => {
        const key = firehoseKey(centralLogsKeyPrefix("eu-west-1"), "444444444444", "2026", "11", "22", CENTRAL_LOGS_PREFIX);
        assert.strictEqual(key.split("/").slice(0, 6).join("/"), "cloudwatch-logs/account=444444444444/region=eu-west-1/2026/11/22");
        assert.deepStrictEqual(partitionsOf(t, key), { account: "444444444444", region: "eu-west-1", day: "2026/11/22" });
    });
    it("follows a non-default stream prefix, and does not read keys of another prefix or the error output", () => {
        const moved = logTables({ organizationId: "o-x", prefixes: DEFAULT_ARCHIVE_PREFIXES, regions: ["us-east-1"], cloudTrailRegions: ["us-east-1"], centralLogsPrefix: "central" }).cloudWatchLogs;
        assert.deepStrictEqual(partitionsOf(moved, firehoseKey(centralLogsKeyPrefix("us-east-1"), "111111111111", "2027", "01", "05", "central")), { account: "111111111111", region: "us-east-1", day: "2027/01/05" });
        assert.strictEqual(partitionsOf(t, firehoseKey(centralLogsKeyPrefix("us-east-1"), "111111111111", "2027", "01", "05", "central")), undefined);
        assert.strictEqual(partitionsOf(t, "cloudwatch-logs-errors/region=us-east-1/processing-failed/2026/11/22/x"), undefined);
    });
    it("projects the account over every account given and the region over every enabled region", () => {
        const ids = ["111111111111", "222222222222", "444444444444"];
        const p = projectionProperties(t, { bucketName: "b", accountIds: ids, days: 2557 });
        assert.deepStrictEqual(p["projection.account.values"].split(","), ids);
        assert.deepStrictEqual(p["projection.region.values"].split(","), ["us-east-1", "eu-west-1"]);
        assert.strictEqual(p["projection.day.range"], "NOW-2557DAYS,NOW");
        for (const k of PARTITION_KEYS) assert.ok(p["storage.location.template"].includes(`\${${k}}`), k);
    });
});

describe("logTables", () => {
    it("lays the CloudTrail table out as an organisation trail writes: AWSLogs/<org-id>/<account>/CloudTrail/<region>/<yyyy/MM/dd>", () => {
        assert.strictEqual(tables.cloudTrail.keyTemplate, "AWSLogs/o-exampleorg1/${account}/CloudTrail/${region}/${day}");
        assert.strictEqual(tables.cloudTrail.keyPrefix, "AWSLogs/o-exampleorg1/");
    });
    it("puts the CloudTrail table under the trail's key prefix when it has one", () => {
        const t = logTables({ organizationId: "o-x", prefixes: { ...DEFAULT_ARCHIVE_PREFIXES, cloudTrail: "trail" }, regions: ["us-east-1"], cloudTrailRegions: ["us-east-1"] });
        assert.strictEqual(t.cloudTrail.keyPrefix, "trail/AWSLogs/o-x/");
    });
    it("projects CloudTrail over its wider region list and flow logs and ALB logs over the enabled regions", () => {
        assert.deepStrictEqual(tables.cloudTrail.regions, ["us-east-1", "eu-west-1", "us-east-2"]);
        assert.deepStrictEqual(tables.flowLogs.regions, ["us-east-1", "eu-west-1"]);
        assert.deepStrictEqual(tables.albAccessLogs.regions, ["us-east-1", "eu-west-1"]);
        assert.deepStrictEqual(tables.cloudWatchLogs.regions, ["us-east-1", "eu-west-1"]);
    });
    it("turns a key template into a wildcard of its day folders' objects (placeholders and file name as *)", () => {
        assert.strictEqual(objectGlob(tables.albAccessLogs), "AWSLogs/*/elasticloadbalancing/*/*/*");
        assert.strictEqual(objectGlob(tables.flowLogs), "vpc-flow-logs/AWSLogs/*/vpcflowlogs/*/*/*");
    });
    it("projects days as a relative range Athena accepts, back as far as the archive keeps data", () => {
        const p = projectionProperties(tables.cloudTrail, { bucketName: "b", accountIds: ["111111111111"], days: 2557 });
        assert.strictEqual(p["projection.day.range"], "NOW-2557DAYS,NOW");
        // Athena's relative-date syntax: NOW, optionally followed by a signed amount and a unit.
        for (const bound of p["projection.day.range"].split(",")) assert.match(bound, /^NOW(?:[+-]\d+(?:YEARS?|MONTHS?|WEEKS?|DAYS?|HOURS?|MINUTES?|SECONDS?))?$/);
        assert.strictEqual(p["storage.location.template"], "s3://b/AWSLogs/o-exampleorg1/${account}/CloudTrail/${region}/${day}");
        assert.strictEqual(p["projection.account.values"], "111111111111");
    });
});
