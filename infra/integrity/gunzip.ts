import { gunzip as gunzipCallback } from "zlib";
import { promisify } from "util";

const gunzipAsync = promisify(gunzipCallback);

/**
 * The uncompressed bytes of a gzip object, or undefined when it is not gzip. Asynchronous, so that
 * inflating runs on libuv's thread pool while other reads are in flight.
 */
export async function gunzip(body: Uint8Array): Promise<Buffer | undefined> {
    try {
        return await gunzipAsync(body);
    } catch {
        return undefined;
    }
}
