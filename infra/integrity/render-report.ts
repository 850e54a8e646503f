import type { ValidationReport } from "./validate-organization";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The report as text: one line per account × region, its findings below it, a summary last. */
export function renderReport(r: ValidationReport): string {
    const where = `s3://${r.trail.bucket}/${r.trail.keyPrefix === "" ? "" : `${r.trail.keyPrefix}/`}AWSLogs/${r.trail.organizationId}/`;
    const lines = [`trail ${r.trail.trailName} (home ${r.trail.homeRegion}) in ${where}, delivered ${r.window.from} to ${r.window.to}`];
    for (const c of r.results) {
        const digests = c.digests.valid + c.digests.invalid;
        const logs = c.logFiles.valid + c.logFiles.invalid;
        const covered = c.covered ? `; covered ${c.covered.from} to ${c.covered.to}` : "";
        lines.push(`${c.status.toUpperCase()} ${c.account} ${c.region.padEnd(14)} ${c.digests.valid}/${plural(digests, "digest")}, ${c.logFiles.valid}/${plural(logs, "log file")} valid${covered}`);
        for (const f of c.findings) lines.push(`  [${f.class}] ${f.kind}: ${f.message}`);
    }
    const t = r.totals;
    lines.push(
        `${plural(t.chains, "account × region")}: ${t.chains - t.failedChains} passed, ${t.failedChains} failed; ` +
            `${t.digests.valid} digests and ${t.logFiles.valid} log files valid; ${plural(t.failures, "failure")}, ${plural(t.gaps, "gap")}, ${plural(t.notices, "notice")}`,
    );
    return lines.join("\n");
}
