import type { ObjectStore, StoredObject } from "./object-store";

/** An object store held in a map (key → object): the generated chains of tests and benchmarks. */
export function memoryStore(bucket: string, objects: ReadonlyMap<string, StoredObject>): ObjectStore {
    return {
        bucket,
        list: async (prefix) => [...objects.keys()].filter((k) => k.startsWith(prefix)),
        get: async (key) => objects.get(key),
    };
}
