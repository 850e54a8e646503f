/**
 * Application Load Balancer access-log lines, field by field, and the RegexSerDe pattern built from
 * them: space-separated fields, some quoted, the client and target `ip:port` split in two, the
 * request line split into verb, URL and protocol. Fields AWS added later are optional, and anything
 * after the known fields is ignored (AWS may append fields at any time).
 */
import type { Column, HiveType } from "./hive-types";

type FieldKind = "token" | "quoted" | "endpoint" | "request";

interface AlbField {
    readonly kind: FieldKind;
    /** Columns the field fills, in order (two for `endpoint`, three for `request`). */
    readonly columns: readonly Column[];
    /** Absent from lines written before AWS added it. */
    readonly optional?: boolean;
}

const s = (name: string, type: HiveType = "string"): Column => ({ name, type });
const token = (name: string, type?: HiveType): AlbField => ({ kind: "token", columns: [s(name, type)] });
const quoted = (name: string, optional = false): AlbField => ({ kind: "quoted", columns: [s(name)], optional });

export const ALB_LOG_FIELDS: readonly AlbField[] = [
    token("type"),
    token("time"),
    token("elb"),
    { kind: "endpoint", columns: [s("client_ip"), s("client_port", "int")] },
    { kind: "endpoint", columns: [s("target_ip"), s("target_port", "int")] },
    token("request_processing_time", "double"),
    token("target_processing_time", "double"),
    token("response_processing_time", "double"),
    token("elb_status_code", "int"),
    token("target_status_code"),
    token("received_bytes", "bigint"),
    token("sent_bytes", "bigint"),
    { kind: "request", columns: [s("request_verb"), s("request_url"), s("request_proto")] },
    quoted("user_agent"),
    token("ssl_cipher"),
    token("ssl_protocol"),
    token("target_group_arn"),
    quoted("trace_id"),
    quoted("domain_name"),
    quoted("chosen_cert_arn"),
    token("matched_rule_priority"),
    token("request_creation_time"),
    quoted("actions_executed"),
    quoted("redirect_url"),
    quoted("error_reason"),
    quoted("target_port_list"),
    quoted("target_status_code_list"),
    quoted("classification"),
    quoted("classification_reason"),
    { kind: "token", columns: [s("conn_trace_id")], optional: true },
    quoted("transformed_host", true),
    quoted("transformed_uri", true),
    quoted("request_transform_status", true),
];

const PATTERNS: Record<FieldKind, string> = {
    token: "([^ ]*)",
    quoted: '"([^"]*)"',
    // `ip:port`, or `-` when there is no target: the separator class takes the dash, both groups stay empty.
    endpoint: "([^ ]*)[:-]([0-9]*)",
    request: '"([^ ]*) ([^ ]*) ?([^"]*)"',
};

/** Columns of the ALB table, in the order of the pattern's groups. */
export const ALB_LOG_COLUMNS: readonly Column[] = ALB_LOG_FIELDS.flatMap((f) => f.columns);

/** The whole-line pattern for Hive's RegexSerDe (`input.regex`); one capturing group per column. */
export function albLogRegex(): string {
    let out = "";
    ALB_LOG_FIELDS.forEach((f, i) => {
        const p = PATTERNS[f.kind];
        if (f.optional) out += `(?: ${p})?`;
        else out += i === 0 ? p : ` ${p}`;
    });
    return `${out}.*`;
}
