/**
 * A downloaded copy of the archive, laid out as in S3: the object of key `k` is the file `<root>/k`.
 * S3 metadata does not survive a download, so a digest's signature may sit beside it in
 * `<root>/k.metadata.json` (the output of `aws s3api head-object --query Metadata`); without it, a
 * digest is verified with the signature its successor records, and only the newest stays unverified.
 * Public keys come from `<dir>/<region>.json`, each the output of `aws cloudtrail list-public-keys`
 * in that region for the window (AWS: "all of the public keys that you need ... must first be
 * obtained online ... and then stored securely offline").
 */
import * as fs from "fs";
import * as path from "path";
import type { ObjectStore, StoredObject } from "./object-store";
import { parsePublicKeyList, type CloudTrailPublicKey, type PublicKeySource } from "./public-keys";

export const METADATA_SUFFIX = ".metadata.json";

function walk(dir: string): string[] {
    let entries: fs.Dirent[];
    try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
        throw e;
    }
    return entries.flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function readIfExists(file: string): Buffer | undefined {
    try {
        return fs.readFileSync(file);
    } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "EISDIR") return undefined;
        throw e;
    }
}

export function localStore(root: string, bucket: string): ObjectStore {
    const base = path.resolve(root);
    // A key is a path below the root, never outside it, whatever a digest names.
    const fileOf = (key: string) => {
        const file = path.resolve(base, key);
        return file.startsWith(base + path.sep) ? file : undefined;
    };
    return {
        bucket,
        list: async (prefix) => {
            const folder = prefix.includes("/") ? prefix.slice(0, prefix.lastIndexOf("/")) : "";
            const start = fileOf(folder === "" ? "." : folder) ?? base;
            return walk(start)
                .map((f) => path.relative(base, f).split(path.sep).join("/"))
                .filter((k) => k.startsWith(prefix) && !k.endsWith(METADATA_SUFFIX));
        },
        get: async (key) => {
            const file = fileOf(key);
            const body = file === undefined ? undefined : readIfExists(file);
            if (body === undefined) return undefined;
            const sidecar = readIfExists(`${file}${METADATA_SUFFIX}`);
            const raw = sidecar === undefined ? {} : (JSON.parse(sidecar.toString("utf8")) as Record<string, string>);
            const metadata = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase().replace(/^x-amz-meta-/, ""), String(v)]));
            return { body, metadata };
        },
    };
}

/** Public keys saved per region as `<dir>/<region>.json`. */
export function localPublicKeys(dir: string): PublicKeySource {
    return async (region) => {
        const file = path.join(dir, `${region}.json`);
        const text = readIfExists(file);
        if (text === undefined) {
            throw new Error(`${file} is missing: save \`aws cloudtrail list-public-keys --region ${region} --start-time <from> --end-time <to>\` there`);
        }
        return parsePublicKeyList(JSON.parse(text.toString("utf8")), file);
    };
}

/**
 * Writes objects as `localStore` and `localPublicKeys` read them: each object at its key below
 * `dir`, a digest's metadata beside it, each region's keys in `<keysDir>/<region>.json` in the
 * shape `aws cloudtrail list-public-keys` prints (for generated archives in tests and benchmarks).
 */
export function writeLocalCopy(dir: string, objects: ReadonlyMap<string, StoredObject>, keysDir: string, keys: Readonly<Record<string, readonly CloudTrailPublicKey[]>>): void {
    for (const [key, o] of objects) {
        const file = path.join(dir, ...key.split("/"));
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, o.body);
        if (Object.keys(o.metadata).length > 0) fs.writeFileSync(`${file}${METADATA_SUFFIX}`, JSON.stringify(o.metadata));
    }
    fs.mkdirSync(keysDir, { recursive: true });
    for (const [region, list] of Object.entries(keys)) {
        const PublicKeyList = list.map((k) => ({ Fingerprint: k.fingerprint, Value: Buffer.from(k.value).toString("base64") }));
        fs.writeFileSync(path.join(keysDir, `${region}.json`), JSON.stringify({ PublicKeyList }));
    }
}
