import { ListPublicKeysCommand, type CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import type { CloudTrailPublicKey, PublicKeySource } from "./public-keys";

/**
 * CloudTrail's public keys through `ListPublicKeys` in each digest's own region (a region's digests
 * are signed with that region's keys). `clientFor` gives a CloudTrail client of a region.
 */
export function cloudTrailPublicKeys(clientFor: (region: string) => CloudTrailClient): PublicKeySource {
    return async (region, start, end) => {
        const keys: CloudTrailPublicKey[] = [];
        let token: string | undefined;
        do {
            const page = await clientFor(region).send(new ListPublicKeysCommand({ StartTime: start, EndTime: end, NextToken: token }));
            for (const k of page.PublicKeyList ?? []) {
                if (k.Fingerprint !== undefined && k.Value !== undefined) keys.push({ fingerprint: k.Fingerprint, value: k.Value });
            }
            token = page.NextToken;
        } while (token !== undefined);
        return keys;
    };
}
