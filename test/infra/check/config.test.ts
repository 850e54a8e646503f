import { strict as assert } from "assert";
import { parsePackConfig, parseStackTags } from "../../../infra/check/config";

describe("check --config syntax", () => {
    it("sets all rules' level, one rule's level, and rule settings parsed as JSON (strings otherwise)", () => {
        assert.deepEqual(
            parsePackConfig(["all=advisory", "lz-vpc-flow-logs=disabled", 'lz-vpc-flow-log-destination.approvedDestinations=["arn:aws:s3:::a"]', "lz-cloudwatch-log-group-retention.minimumDays=400", "lz-x.note=plain text"]),
            {
                all: "advisory",
                "lz-vpc-flow-logs": "disabled",
                "lz-vpc-flow-log-destination": { approvedDestinations: ["arn:aws:s3:::a"] },
                "lz-cloudwatch-log-group-retention": { minimumDays: 400 },
                "lz-x": { note: "plain text" },
            },
        );
    });

    it("combines a rule's level and settings in either order", () => {
        assert.deepEqual(parsePackConfig(["r=advisory", "r.k=1"]), { r: { enforcementLevel: "advisory", k: 1 } });
        assert.deepEqual(parsePackConfig(["r.k=1", "r=advisory"]), { r: { enforcementLevel: "advisory", k: 1 } });
    });

    it("refuses a pair without '=' and settings on 'all'", () => {
        assert.throws(() => parsePackConfig(["lz-vpc-flow-logs"]), /expected key=value/);
        assert.throws(() => parsePackConfig(["all.x=1"]), /settings belong to one rule/);
    });

    it("reads stack tags as key=value, keeping '=' and ':' in values and keys", () => {
        assert.deepEqual(parseStackTags(["lz:baseline=security,member", "a=b=c"]), { "lz:baseline": "security,member", a: "b=c" });
        assert.throws(() => parseStackTags(["=x"]), /expected key=value/);
    });
});
