/** The response playbooks' sample events (`test/fixtures/events/response/`) and the reference organisation's accounts. */
import * as fs from "fs";
import * as path from "path";
import type { PlaybookConfig, PlaybookId } from "../../../infra/config/playbooks";

export const MANAGEMENT = "111111111111";
export const SECURITY = "333333333333";
/** In every playbook's scope in these tests. */
export const PROD = "444444444444";
/** Outside every playbook's scope in these tests. */
export const DEV = "555555555555";
export const SCOPE = { accounts: [PROD], partition: "aws" } as const;
export const BUS = `arn:aws:events:us-east-1:${SECURITY}:event-bus/acme-lz-security-events`;

export interface ResponseSample {
    readonly name: string;
    /** The playbook whose triggers it reaches, or null for none. */
    readonly playbook: PlaybookId | null;
    /**
     * Set when the playbook's rule forwards the event but its function refuses it (a condition a
     * pattern cannot hold within its size): the start of the reason the function logs.
     */
    readonly refused?: string;
    readonly event: Record<string, any>;
    /** The fixture file it is in. */
    readonly file: string;
}

const DIR = path.resolve(__dirname, "..", "..", "fixtures", "events", "response");

export const SAMPLES: readonly ResponseSample[] = fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .flatMap((file) => (JSON.parse(fs.readFileSync(path.join(DIR, file), "utf8")) as Omit<ResponseSample, "file">[]).map((s) => ({ ...s, file })));

/** The sample named `name` (throws when there is none, so a renamed fixture fails the test that uses it). */
export function sample(name: string): ResponseSample {
    const found = SAMPLES.filter((s) => s.name === name);
    if (found.length !== 1) throw new Error(`${found.length} samples named ${JSON.stringify(name)}`);
    return found[0];
}

/** The configuration the security stack would write for `playbook`, with the reference organisation's names. */
export function config(playbook: PlaybookId, mode: PlaybookConfig["mode"] = "enforce"): PlaybookConfig {
    return {
        playbook,
        mode,
        partition: "aws",
        roleName: `acme-lz-response-${playbook}`,
        externalId: `acme-lz-${playbook}-${SECURITY}`,
        accounts: [PROD],
        dedupTable: "acme-lz-response-dedup",
        dedupMinutes: 60,
        eventBusArn: BUS,
        tagKey: "lz:quarantine",
    };
}
