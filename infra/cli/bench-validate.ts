/**
 * Benchmark of log integrity validation: generates an organisation trail's archive (accounts ×
 * regions × hours of signed digests, each listing log files of CloudTrail records), validates one
 * day of it in memory (hashing, gunzip and RSA verification: the CPU cost) and again from a folder
 * (`validate-logs --local`: plus file I/O), and prints digests and log files per second.
 *
 *   node -r ts-node/register/transpile-only infra/cli/bench-validate.ts [--accounts N] [--regions N] [--logs N] [--records N]
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { HOUR_MS, type TrailLocation } from "../integrity/cloudtrail-layout";
import { localPublicKeys, localStore, writeLocalCopy } from "../integrity/local-store";
import { memoryStore } from "../integrity/memory-store";
import type { ObjectStore } from "../integrity/object-store";
import type { PublicKeySource } from "../integrity/public-keys";
import { generateSigningKey, syntheticTrail, type SigningKey } from "../integrity/synthetic-trail";
import { validateOrganization } from "../integrity/validate-organization";
import { DEFAULT_ENABLED_REGIONS } from "../config/regions";
import { parseArgs } from "./args";
import { runCli } from "./plan";

const USAGE = "usage: bench-validate.ts [--accounts <n>] [--regions <n>] [--logs <log files per hour>] [--records <records per log file>]";
const TRAIL: TrailLocation = { keyPrefix: "", organizationId: "o-benchmark01", trailName: "bench-org-trail", homeRegion: "us-east-1" };
const BUCKET = "bench-archive";
const FROM = new Date("2026-03-02T00:00:00Z");
const TO = new Date("2026-03-03T00:00:00Z");

async function measure(label: string, store: ObjectStore, publicKeys: PublicKeySource, accounts: string[], regions: readonly string[]): Promise<void> {
    const start = process.hrtime.bigint();
    const report = await validateOrganization({ store, trail: TRAIL, publicKeys, accounts, regions, from: FROM, to: TO, now: new Date("2026-03-04T00:00:00Z") });
    const s = Number(process.hrtime.bigint() - start) / 1e9;
    const t = report.totals;
    if (report.status !== "pass") throw new Error(`${label}: the generated archive did not validate (${t.failures} failures, ${t.gaps} gaps)`);
    process.stdout.write(
        `  ${label.padEnd(28)} ${s.toFixed(2).padStart(6)} s  ${(t.digests.valid / s).toFixed(0).padStart(6)} digests/s  ${(t.logFiles.valid / s).toFixed(0).padStart(7)} log files/s  ` +
            `(${t.digests.valid} digests, ${t.logFiles.valid} log files, ${t.chains} account × region chains)\n`,
    );
}

export async function main(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv, { options: ["accounts", "regions", "logs", "records"] }, USAGE);
    const n = (k: string, d: number) => Number(args.options[k] ?? d);
    const accounts = Array.from({ length: n("accounts", 4) }, (_, i) => String(100000000000 + i + 1));
    const regions = DEFAULT_ENABLED_REGIONS.slice(0, n("regions", 4));
    const keys: Record<string, SigningKey> = Object.fromEntries(regions.map((r) => [r, generateSigningKey()]));
    const generated = process.hrtime.bigint();
    const objects = syntheticTrail({ trail: TRAIL, bucket: BUCKET, accounts, regions, start: new Date(FROM.getTime() - HOUR_MS + 91_000), hours: 27, logFilesPerHour: n("logs", 12), recordsPerLogFile: n("records", 50), keys: (r) => keys[r] });
    const bytes = [...objects.values()].reduce((sum, o) => sum + o.body.length, 0);
    process.stdout.write(`  generated ${objects.size} objects (${(bytes / 1024 / 1024).toFixed(1)} MB gzip) in ${(Number(process.hrtime.bigint() - generated) / 1e9).toFixed(1)} s\n`);
    const publicKeys: PublicKeySource = async (region) => [keys[region].publicKey];
    await measure("in memory (CPU)", memoryStore(BUCKET, objects), publicKeys, accounts, regions);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lz-bench-validate-"));
    try {
        writeLocalCopy(dir, objects, path.join(dir, "public-keys"), Object.fromEntries(regions.map((r) => [r, [keys[r].publicKey]])));
        await measure("local copy (--local)", localStore(dir, BUCKET), localPublicKeys(path.join(dir, "public-keys")), accounts, regions);
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
    process.stdout.write(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; node ${process.version}; ${os.cpus().length} cores\n`);
    return 0;
}

if (require.main === module) {
    runCli(main);
}
