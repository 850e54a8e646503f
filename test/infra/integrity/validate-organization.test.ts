import * as assert from "assert";
import { gzipSync, gunzipSync } from "zlib";
import { logKey } from "../../../infra/integrity/cloudtrail-layout";
import { signedDigestObject } from "../../../infra/integrity/synthetic-trail";
import type { ChainResult } from "../../../infra/integrity/validate-chain";
import { validateOrganization, type ValidationReport } from "../../../infra/integrity/validate-organization";
import { ACCOUNTS, archive, ATTACKER_KEY, digestAt, readDigest, REGIONS, rewriteChain, TRAIL, validate } from "../../support/cloudtrail-chain";

const A = "444444444444";
const R = "eu-west-1";
/** The digest of A/R covering 11:01:31–12:01:31 on the validated day, and the ones around it. */
const NOON = digestAt(A, R, "2026-03-02T12:01:31Z");
const AFTER_NOON = digestAt(A, R, "2026-03-02T13:01:31Z");

function chain(report: ValidationReport, account: string, region: string): ChainResult {
    const r = report.results.find((x) => x.account === account && x.region === region);
    assert.ok(r, `no result for ${account} ${region}`);
    return r;
}

/** `kind key` of every finding, sorted. */
function found(r: ChainResult): string[] {
    return r.findings.map((f) => `${f.kind} ${f.key ?? ""}`.trim()).sort();
}

/** The tampered chain fails; the three others pass untouched. */
function othersPass(report: ValidationReport): void {
    const others = report.results.filter((r) => !(r.account === A && r.region === R));
    assert.strictEqual(others.length, 3);
    for (const r of others) assert.deepStrictEqual([r.status, r.findings], ["pass", []], `${r.account} ${r.region}`);
    assert.strictEqual(report.status, "fail");
}

describe("validateOrganization (CloudTrail digest chains)", () => {
    it("passes an untouched archive of 2 accounts × 2 regions, verifying 25 digests and 300 log files per chain", async () => {
        const report = await validate(archive());
        assert.strictEqual(report.status, "pass");
        assert.deepStrictEqual(
            report.results.map((r) => [r.account, r.region, r.status, r.digests, r.logFiles, r.findings.length]),
            ACCOUNTS.flatMap((a) => REGIONS.map((r) => [a, r, "pass", { valid: 25, invalid: 0 }, { valid: 300, invalid: 0 }, 0])),
        );
        assert.deepStrictEqual(chain(report, A, R).covered, { from: "2026-03-01T23:01:31Z", to: "2026-03-03T00:01:31Z" });
        assert.deepStrictEqual(report.totals, { chains: 4, failedChains: 0, digests: { valid: 100, invalid: 0 }, logFiles: { valid: 1200, invalid: 0 }, failures: 0, gaps: 0, notices: 0 });
    });

    it("names a log file whose content was changed after delivery (log-modified)", async () => {
        const objects = archive();
        const target = readDigest(objects, NOON).logFiles[3].s3Object;
        const json = gunzipSync(objects.get(target)!.body).toString("utf8").replace("DescribeInstances", "ListBuckets");
        objects.set(target, { body: gzipSync(json), metadata: {} });
        const report = await validate(objects);
        assert.deepStrictEqual(found(chain(report, A, R)), [`log-modified ${target}`]);
        assert.deepStrictEqual(chain(report, A, R).logFiles, { valid: 299, invalid: 1 });
        othersPass(report);
    });

    it("names a deleted log file (log-missing)", async () => {
        const objects = archive();
        const target = readDigest(objects, NOON).logFiles[5].s3Object;
        objects.delete(target);
        const report = await validate(objects);
        assert.deepStrictEqual(found(chain(report, A, R)), [`log-missing ${target}`]);
        othersPass(report);
    });

    it("names a deleted digest from its successor's link (digest-missing), and the log files nothing vouches for any more", async () => {
        const objects = archive();
        const orphans = readDigest(objects, NOON).logFiles.map((l) => `log-unreferenced ${l.s3Object}`);
        assert.strictEqual(orphans.length, 12);
        objects.delete(NOON);
        const report = await validate(objects);
        assert.deepStrictEqual(found(chain(report, A, R)), [`digest-missing ${NOON}`, ...orphans].sort());
        othersPass(report);
    });

    it("names a digest rewritten to hide a log file and re-signed with another key (digest-unknown-key, and the broken link after it)", async () => {
        const objects = archive();
        const forged = readDigest(objects, NOON);
        const [hidden, ...kept] = forged.logFiles;
        objects.delete(hidden.s3Object);
        objects.set(NOON, signedDigestObject({ ...forged, logFiles: kept, digestPublicKeyFingerprint: ATTACKER_KEY.publicKey.fingerprint }, ATTACKER_KEY.privateKey));
        const report = await validate(objects);
        assert.deepStrictEqual(found(chain(report, A, R)), [`chain-broken ${NOON}`, `digest-unknown-key ${NOON}`, ...kept.map((l) => `log-unreferenced ${l.s3Object}`)].sort());
        othersPass(report);
    });

    it("names a digest re-signed with another key that claims CloudTrail's fingerprint (digest-signature-invalid)", async () => {
        const objects = archive();
        const forged = readDigest(objects, NOON);
        objects.set(NOON, signedDigestObject({ ...forged, logFiles: forged.logFiles.slice(1) }, ATTACKER_KEY.privateKey));
        const report = await validate(objects);
        const kinds = chain(report, A, R).findings.filter((f) => f.key === NOON).map((f) => f.kind).sort();
        assert.deepStrictEqual(kinds, ["chain-broken", "digest-signature-invalid"]);
        othersPass(report);
    });

    it("names a validly signed digest whose previousDigestSignature is not the previous digest's signature (chain-broken)", async () => {
        const objects = archive();
        rewriteChain(objects, A, R, (digests) => digests.map((d) => (d.digestS3Object === AFTER_NOON ? { ...d, previousDigestSignature: "ab".repeat(256) } : d)), [AFTER_NOON]);
        const report = await validate(objects);
        const r = chain(report, A, R);
        assert.deepStrictEqual(found(r), [`chain-broken ${NOON}`]);
        assert.match(r.findings[0].message, /carries a different signature from the one .*20260302T130131Z\.json\.gz records \(previousDigestSignature\)/);
        othersPass(report);
    });

    it("accepts a log file delivered late into the next digest and names it (log-late notice), the chain passing", async () => {
        const objects = archive();
        const before = digestAt(A, R, "2026-03-02T11:01:31Z");
        let late = "";
        rewriteChain(objects, A, R, (digests) =>
            digests.map((d) => {
                if (d.digestS3Object === before) {
                    late = d.logFiles[d.logFiles.length - 1].s3Object;
                    return { ...d, logFiles: d.logFiles.slice(0, -1) };
                }
                if (d.digestS3Object === NOON) return { ...d, logFiles: [...d.logFiles, readDigest(objects, before).logFiles.slice(-1)[0]] };
                return d;
            }),
        );
        assert.match(late, /_20260302T1059Z_/, "the moved log file was delivered at 10:59, before the 11:01:31 start of the digest that lists it");
        const report = await validate(objects);
        assert.deepStrictEqual([chain(report, A, R).status, found(chain(report, A, R))], ["pass", [`log-late ${late}`]]);
        assert.strictEqual(report.status, "pass");
    });

    it("accepts log files and digests recompressed with another gzip level: hashes cover the uncompressed content, as documented", async () => {
        const objects = archive();
        const log = readDigest(objects, NOON).logFiles[0].s3Object;
        for (const k of [log, NOON]) {
            const o = objects.get(k)!;
            const again = gzipSync(gunzipSync(o.body), { level: 1 });
            assert.notDeepStrictEqual(again, Buffer.from(o.body));
            objects.set(k, { body: again, metadata: o.metadata });
        }
        assert.strictEqual((await validate(objects)).status, "pass");
    });

    it("rejects a log file whose digest records the hash of the gzip bytes instead of the content", async () => {
        const objects = archive();
        const log = readDigest(objects, NOON).logFiles[0].s3Object;
        const { createHash } = await import("crypto");
        rewriteChain(objects, A, R, (digests) =>
            digests.map((d) => (d.digestS3Object === NOON ? { ...d, logFiles: d.logFiles.map((l) => (l.s3Object === log ? { ...l, hashValue: createHash("sha256").update(objects.get(log)!.body).digest("hex") } : l)) } : d)),
        );
        assert.deepStrictEqual(found(chain(await validate(objects), A, R)), [`log-modified ${log}`]);
    });

    it("names a log file no digest lists (log-unreferenced): put in the archive by someone other than CloudTrail", async () => {
        const objects = archive();
        const injected = logKey(TRAIL, A, R, new Date("2026-03-02T12:30:00Z"), "F0RGEDF0RGEDF0RG");
        objects.set(injected, { body: gzipSync(JSON.stringify({ Records: [] })), metadata: {} });
        const report = await validate(objects);
        assert.deepStrictEqual(found(chain(report, A, R)), [`log-unreferenced ${injected}`]);
        othersPass(report);
    });

    it("reports a hole before a starting digest as a restarted chain (chain-restarted gap), naming the period", async () => {
        const objects = archive();
        const stopped = ["2026-03-02T10:01:31Z", "2026-03-02T11:01:31Z"].map((end) => digestAt(A, R, end));
        for (const k of stopped) for (const l of readDigest(objects, k).logFiles) objects.delete(l.s3Object);
        rewriteChain(objects, A, R, (digests) =>
            digests
                .filter((d) => !stopped.includes(d.digestS3Object))
                .map((d) => (d.digestS3Object === NOON ? { ...d, previousDigestS3Bucket: null, previousDigestS3Object: null, previousDigestHashValue: null, previousDigestHashAlgorithm: null, previousDigestSignature: null } : d)),
        );
        const report = await validate(objects);
        const r = chain(report, A, R);
        assert.deepStrictEqual(
            r.findings.map((f) => [f.kind, f.class, f.from, f.to]),
            [["chain-restarted", "gap", "2026-03-02T09:01:31.000Z", "2026-03-02T11:01:31.000Z"]],
        );
        othersPass(report);
    });

    it("reports the newest digests gone as a coverage gap up to the end of the window", async () => {
        const objects = archive();
        objects.delete(digestAt(A, R, "2026-03-03T00:01:31Z"));
        const report = await validate(objects);
        assert.deepStrictEqual(
            chain(report, A, R).findings.map((f) => [f.kind, f.from, f.to]),
            [["coverage-gap", "2026-03-02T23:01:31.000Z", "2026-03-03T00:00:00.000Z"]],
        );
        othersPass(report);
    });

    it("names a digest read from another place than the one it records (digest-moved)", async () => {
        const objects = archive();
        objects.set(AFTER_NOON, objects.get(NOON)!);
        const report = await validate(objects);
        assert.ok(found(chain(report, A, R)).includes(`digest-moved ${AFTER_NOON}`), found(chain(report, A, R)).join("\n"));
        othersPass(report);
    });

    it("names a digest object that is not gzip JSON (digest-malformed)", async () => {
        const objects = archive();
        objects.set(NOON, { body: gzipSync("{ not json"), metadata: objects.get(NOON)!.metadata });
        const report = await validate(objects);
        assert.ok(found(chain(report, A, R)).includes(`digest-malformed ${NOON}`));
        othersPass(report);
    });

    it("verifies a downloaded copy without signature metadata through each successor's previousDigestSignature; only the newest digest stays unsigned", async () => {
        const objects = archive();
        for (const [k, o] of objects) if (k.includes(`${A}_CloudTrail-Digest_${R}_`)) objects.set(k, { body: o.body, metadata: {} });
        const report = await validate(objects);
        const newest = digestAt(A, R, "2026-03-03T00:01:31Z");
        assert.deepStrictEqual(
            chain(report, A, R).findings.map((f) => `${f.kind} ${f.key ?? f.from}`),
            [`digest-unsigned ${newest}`, "coverage-gap 2026-03-02T23:01:31.000Z"],
        );
        assert.deepStrictEqual(chain(report, A, R).digests, { valid: 24, invalid: 1 });
    });

    it("fails every chain with a validation error when CloudTrail's public keys cannot be read", async () => {
        const report = await validate(archive(), async () => {
            throw new Error("AccessDeniedException: not authorized to perform cloudtrail:ListPublicKeys");
        });
        assert.deepStrictEqual(
            report.results.map((r) => [r.status, r.findings.map((f) => f.kind)]),
            Array(4).fill(["fail", ["validation-error"]]),
        );
        assert.match(report.results[0].findings[0].message, /cloudtrail:ListPublicKeys/);
    });

    it("refuses a window that ends before it starts", async () => {
        const store = { bucket: "b", list: async () => [], get: async () => undefined };
        const request = { store, trail: TRAIL, publicKeys: async () => [], accounts: [A], regions: [R], now: new Date() };
        await assert.rejects(validateOrganization({ ...request, from: new Date("2026-03-03T00:00:00Z"), to: new Date("2026-03-02T00:00:00Z") }), /the window must end after it starts/);
    });
});

