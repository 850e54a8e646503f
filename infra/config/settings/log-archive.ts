import type { ObjectSchema } from "../schema";
import type { ProblemList } from "../errors";
import type { OrgModel } from "../model";
import { REGIONS } from "../regions";

/** Settings of the `log-archive` role (`lz:logArchive` in its stack file). */
export interface LogArchiveSettings {
    /** Region of an optional cross-region replica of the archive. */
    readonly replicaRegion: string | undefined;
    /** Protect buckets and keys from `pulumi destroy`; turn off only to tear down a test org. */
    readonly protect: boolean;
}

export const logArchiveSettingsSchema: ObjectSchema = {
    kind: "object",
    default: {},
    fields: {
        replicaRegion: { kind: "string", optional: true, pattern: /^[a-z]{2}(-[a-z]+)+-\d$/, describe: "an AWS region name" },
        protect: { kind: "boolean", default: true },
    },
};

/** The replica must be a different enabled-partition region than the home region. */
export function validateLogArchiveSettings(s: LogArchiveSettings, org: OrgModel, file: string, path: string, problems: ProblemList): void {
    if (s.replicaRegion === undefined) return;
    const info = REGIONS[s.replicaRegion];
    if (!info) {
        problems.add(file, `${path}.replicaRegion`, `"${s.replicaRegion}" is not a known AWS region`);
    } else if (info.partition !== org.partition) {
        problems.add(file, `${path}.replicaRegion`, `"${s.replicaRegion}" is in partition ${info.partition}, the organisation is in ${org.partition}`);
    } else if (s.replicaRegion === org.homeRegion) {
        problems.add(file, `${path}.replicaRegion`, `"${s.replicaRegion}" is the home region; a replica must be in another region`);
    }
}
