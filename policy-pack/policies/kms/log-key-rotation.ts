import { stackRule } from "../../lib/rule";
import { KMS_KEY, LOG_GROUP, TRAIL } from "../../lib/types";
import { bool, isUnknown } from "../../lib/values";

/** Keys that protect logs are kept for years; rotation limits what one leaked key version opens. */
export const kmsLogKeyRotation = stackRule({
    name: "lz-kms-log-key-rotation",
    description: "KMS keys used by trails and log groups in the stack (or tagged as log keys) have automatic rotation enabled.",
    controls: {
        cis: ["3.6"],
        securityHub: ["KMS.4"],
        awsConfig: ["cmk-backing-key-rotation-enabled"],
        nist: ["SC-12", "AU-9"],
        soc2: ["CC7.2"],
    },
    enforcementLevel: "mandatory",
    severity: "medium",
    subject: KMS_KEY[0],
    types: [...KMS_KEY, ...TRAIL, ...LOG_GROUP],
    config: {
        logKeyTagKey: { type: "string", default: "lz:log-key", description: "Tag key that marks a KMS key as protecting logs even when no log resource in this stack uses it." },
    },
    remediation: "Set `enableKeyRotation: true` on the key.",
    check(stack, config, f) {
        const tagKey = String(config.logKeyTagKey);
        for (const key of stack.ofType(KMS_KEY)) {
            const spec = key.get("customerMasterKeySpec") ?? key.get("keySpec");
            if (typeof spec === "string" && spec !== "SYMMETRIC_DEFAULT") continue; // rotation exists for symmetric keys only
            const t = key.tags;
            const tagged = !isUnknown(t) && t[tagKey] !== undefined;
            if (!tagged && !stack.linked(key, [...TRAIL, ...LOG_GROUP], "kmsKeyId", ["arn"]).length) continue;
            const rot = bool(key.get("enableKeyRotation"));
            if (isUnknown(rot)) f.unknown(key, `enableKeyRotation of key ${key.name}`);
            else if (rot !== true) f.fail(key, `Set \`enableKeyRotation: true\` on KMS key ${key.name}: it protects logs.`);
        }
    },
});
