/**
 * The CIS monitoring controls as docs/security.md documents them for users: id, Security Hub / CIS
 * control numbers and the severity topic each alarm notifies. Tests of the planned alarms take their
 * expectations from this table, not from `CIS_CONTROLS`, so the code and the documentation are held
 * to each other.
 */
import * as fs from "fs";
import * as path from "path";
import type { AlarmSeverity } from "../../infra/components/trail/cis-controls";
import { REPO_ROOT } from "./plan";

export interface DocumentedCisControl {
    readonly id: string;
    readonly controls: readonly string[];
    readonly severity: AlarmSeverity;
}

/** The rows of the `| id | controls | severity |` table of docs/security.md; fails when there is none. */
export function documentedCisControls(): DocumentedCisControl[] {
    const doc = fs.readFileSync(path.join(REPO_ROOT, "docs", "security.md"), "utf8");
    const start = doc.indexOf("| id | controls | severity |");
    if (start < 0) throw new Error("docs/security.md has no CIS controls table");
    const rows: string[] = [];
    for (const line of doc.slice(start).split("\n").slice(2)) {
        if (!line.startsWith("|")) break;
        rows.push(line);
    }
    return rows.map((l) => {
        const [id, controls, severity] = l.split("|").slice(1, 4).map((c) => c.trim());
        if (!["high", "medium", "low"].includes(severity)) throw new Error(`docs/security.md: ${id} has severity ${severity}`);
        return { id, controls: controls.split(",").map((c) => c.trim()), severity: severity as AlarmSeverity };
    });
}
