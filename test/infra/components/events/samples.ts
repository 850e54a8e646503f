import * as fs from "fs";
import * as path from "path";
import type { Severity } from "../../../../infra/config/model";
import { REPO_ROOT } from "../../../support/plan";

/** A sample event of `test/fixtures/events/security/`, with where it comes from and where it must go. */
export interface SecuritySample {
    readonly name: string;
    /**
     * How it reaches the central bus: forwarded by a member's default bus (`member`), by the security
     * account's default bus (`security-default-bus`), or put there by the self-test schedule (`scheduler`).
     */
    readonly via: "member" | "security-default-bus" | "scheduler";
    /** Ids of the forwarding rows (member table or findings table, by `via`) that forward it; empty when it never reaches the bus. */
    readonly forwardedBy: readonly string[];
    /** Ids of the routing rows that match it, the catch-all log row left out. */
    readonly routedBy: readonly string[];
    /** The one severity topic it notifies, or null. */
    readonly topic: Severity | null;
    /** Whether it reaches the SIEM queue. */
    readonly siem: boolean;
    readonly event: Record<string, unknown>;
}

export const SECURITY_FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "events", "security");
export const MEMBER_FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "events", "member");

function load<T>(dir: string): T[] {
    return fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .sort()
        .flatMap((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as T[]);
}

export const SECURITY_SAMPLES: readonly SecuritySample[] = load<SecuritySample>(SECURITY_FIXTURES);

/** The member baseline's samples (`forwardedBy`: member forwarding rule ids). */
export const MEMBER_SAMPLES: readonly { name: string; forwardedBy: readonly string[]; event: Record<string, unknown> }[] = load(MEMBER_FIXTURES);
