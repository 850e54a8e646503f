import * as assert from "assert";
import fc from "fast-check";
import { matches } from "./event-pattern";

const ec2 = {
    version: "0",
    id: "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
    "detail-type": "EC2 Instance State-change Notification",
    source: "aws.ec2",
    account: "111122223333",
    time: "2017-12-22T18:43:48Z",
    region: "us-west-1",
    resources: ["arn:aws:ec2:us-west-1:111122223333:instance/i-1234567890abcdef0", "arn:aws:ec2:us-west-1:111122223333:volume/vol-1"],
    detail: {
        "instance-id": "i-1234567890abcdef0",
        state: "terminated",
        count: 5,
        numericText: "5",
        empty: "",
        nothing: null,
        flag: false,
        tags: ["prod", "pci"],
        sourceIPAddress: "10.0.3.17",
        sourceIPv6: "2001:db8::17",
        owner: { type: "IAMUser", name: "Alice" },
        items: [{ name: "a", size: 1 }, { name: "b", size: 20 }],
        path: "/var/lib/app/logo.PNG",
    },
};

describe("event pattern evaluator", () => {
    describe("exact values", () => {
        it("matches equal strings and ANDs sibling keys", () => {
            assert.strictEqual(matches({ source: ["aws.ec2"], detail: { state: ["terminated"] } }, ec2), true);
            assert.strictEqual(matches({ source: ["aws.ec2"], detail: { state: ["running"] } }, ec2), false);
        });
        it("treats the array of a leaf as OR", () => {
            assert.strictEqual(matches({ detail: { state: ["running", "terminated"] } }, ec2), true);
            assert.strictEqual(matches({ detail: { state: ["running", "stopped"] } }, ec2), false);
        });
        it("matches an event array when any element matches", () => {
            assert.strictEqual(matches({ detail: { tags: ["pci"] } }, ec2), true);
            assert.strictEqual(matches({ detail: { tags: ["dev"] } }, ec2), false);
        });
        it("compares numbers as numbers and never matches a number against its string form", () => {
            assert.strictEqual(matches({ detail: { count: [5] } }, ec2), true);
            assert.strictEqual(matches({ detail: { count: ["5"] } }, ec2), false);
            assert.strictEqual(matches({ detail: { numericText: [5] } }, ec2), false);
        });
        it("keeps null and the empty string apart", () => {
            assert.strictEqual(matches({ detail: { nothing: [null] } }, ec2), true);
            assert.strictEqual(matches({ detail: { nothing: [""] } }, ec2), false);
            assert.strictEqual(matches({ detail: { empty: [""] } }, ec2), true);
            assert.strictEqual(matches({ detail: { empty: [null] } }, ec2), false);
        });
        it("matches booleans exactly", () => {
            assert.strictEqual(matches({ detail: { flag: [false] } }, ec2), true);
            assert.strictEqual(matches({ detail: { flag: [true] } }, ec2), false);
        });
        it("is case-sensitive for plain values", () => {
            assert.strictEqual(matches({ source: ["AWS.EC2"] }, ec2), false);
        });
        it("does not match a field absent from the event", () => {
            assert.strictEqual(matches({ detail: { missing: ["x"] } }, ec2), false);
            assert.strictEqual(matches({ nope: { deeper: ["x"] } }, ec2), false);
        });
        it("does not match a leaf value against an object in the event", () => {
            assert.strictEqual(matches({ detail: { owner: ["IAMUser"] } }, ec2), false);
        });
        it("matches nested objects and objects inside event arrays", () => {
            assert.strictEqual(matches({ detail: { owner: { type: ["IAMUser"] } } }, ec2), true);
            assert.strictEqual(matches({ detail: { items: { name: ["b"] } } }, ec2), true);
            assert.strictEqual(matches({ detail: { items: { name: ["c"] } } }, ec2), false);
        });
        it("matches an empty pattern to every event", () => {
            assert.strictEqual(matches({}, ec2), true);
        });
    });

    describe("string operators", () => {
        it("matches prefix and suffix on strings only", () => {
            assert.strictEqual(matches({ region: [{ prefix: "us-" }] }, ec2), true);
            assert.strictEqual(matches({ region: [{ prefix: "eu-" }] }, ec2), false);
            assert.strictEqual(matches({ detail: { path: [{ suffix: ".PNG" }] } }, ec2), true);
            assert.strictEqual(matches({ detail: { path: [{ suffix: ".png" }] } }, ec2), false);
            assert.strictEqual(matches({ detail: { count: [{ prefix: "5" }] } }, ec2), false);
        });
        it("matches prefix and suffix ignoring case when asked", () => {
            assert.strictEqual(matches({ region: [{ prefix: { "equals-ignore-case": "US-" } }] }, ec2), true);
            assert.strictEqual(matches({ detail: { path: [{ suffix: { "equals-ignore-case": ".png" } }] } }, ec2), true);
            assert.strictEqual(matches({ detail: { path: [{ suffix: { "equals-ignore-case": ".jpg" } }] } }, ec2), false);
        });
        it("matches equals-ignore-case on the whole value", () => {
            assert.strictEqual(matches({ detail: { owner: { name: [{ "equals-ignore-case": "alice" }] } } }, ec2), true);
            assert.strictEqual(matches({ detail: { owner: { name: [{ "equals-ignore-case": "ali" }] } } }, ec2), false);
        });
        it("matches wildcards anywhere, with \\* as a literal star", () => {
            assert.strictEqual(matches({ detail: { path: [{ wildcard: "/var/*/logo.*" }] } }, ec2), true);
            assert.strictEqual(matches({ detail: { path: [{ wildcard: "*/lib/*" }] } }, ec2), true);
            assert.strictEqual(matches({ detail: { path: [{ wildcard: "/etc/*" }] } }, ec2), false);
            assert.strictEqual(matches({ a: [{ wildcard: "x\\*y" }] }, { a: "x*y" }), true);
            assert.strictEqual(matches({ a: [{ wildcard: "x\\*y" }] }, { a: "xzzy" }), false);
        });
        it("does not let regex characters in a wildcard act as regex", () => {
            assert.strictEqual(matches({ a: [{ wildcard: "a.c*" }] }, { a: "abc" }), false);
        });
    });

    describe("anything-but", () => {
        it("excludes a single value or a list of values", () => {
            assert.strictEqual(matches({ detail: { state: [{ "anything-but": "running" }] } }, ec2), true);
            assert.strictEqual(matches({ detail: { state: [{ "anything-but": "terminated" }] } }, ec2), false);
            assert.strictEqual(matches({ detail: { state: [{ "anything-but": ["running", "terminated"] }] } }, ec2), false);
            assert.strictEqual(matches({ detail: { count: [{ "anything-but": [1, 2] }] } }, ec2), true);
            assert.strictEqual(matches({ detail: { count: [{ "anything-but": [5] }] } }, ec2), false);
        });
        it("excludes by prefix, suffix, wildcard and ignoring case", () => {
            assert.strictEqual(matches({ region: [{ "anything-but": { prefix: "us-" } }] }, ec2), false);
            assert.strictEqual(matches({ region: [{ "anything-but": { prefix: "eu-" } }] }, ec2), true);
            assert.strictEqual(matches({ detail: { path: [{ "anything-but": { suffix: ".PNG" } }] } }, ec2), false);
            assert.strictEqual(matches({ detail: { path: [{ "anything-but": { wildcard: "*/lib/*" } }] } }, ec2), false);
            assert.strictEqual(matches({ detail: { path: [{ "anything-but": { wildcard: ["/etc/*", "/tmp/*"] } }] } }, ec2), true);
            assert.strictEqual(matches({ detail: { state: [{ "anything-but": { "equals-ignore-case": ["TERMINATED"] } }] } }, ec2), false);
            assert.strictEqual(matches({ detail: { state: [{ "anything-but": { "equals-ignore-case": "RUNNING" } }] } }, ec2), true);
        });
        it("does not match a field absent from the event", () => {
            assert.strictEqual(matches({ detail: { missing: [{ "anything-but": "x" }] } }, ec2), false);
        });
        it("matches an event array when some element is outside the excluded set", () => {
            assert.strictEqual(matches({ detail: { tags: [{ "anything-but": "prod" }] } }, ec2), true);
            assert.strictEqual(matches({ detail: { tags: [{ "anything-but": ["prod", "pci"] }] } }, ec2), false);
        });
    });

    describe("numeric", () => {
        it("matches ranges with open and closed bounds", () => {
            assert.strictEqual(matches({ detail: { count: [{ numeric: [">", 0, "<=", 5] }] } }, ec2), true);
            assert.strictEqual(matches({ detail: { count: [{ numeric: [">", 0, "<", 5] }] } }, ec2), false);
            assert.strictEqual(matches({ detail: { count: [{ numeric: [">=", 5] }] } }, ec2), true);
            assert.strictEqual(matches({ detail: { count: [{ numeric: ["=", 5] }] } }, ec2), true);
            assert.strictEqual(matches({ detail: { count: [{ numeric: ["=", 6] }] } }, ec2), false);
        });
        it("never matches a string holding a number", () => {
            assert.strictEqual(matches({ detail: { numericText: [{ numeric: ["=", 5] }] } }, ec2), false);
        });
    });

    describe("exists", () => {
        it("matches exists: true on a present leaf, null included", () => {
            assert.strictEqual(matches({ detail: { state: [{ exists: true }] } }, ec2), true);
            assert.strictEqual(matches({ detail: { nothing: [{ exists: true }] } }, ec2), true);
            assert.strictEqual(matches({ detail: { missing: [{ exists: true }] } }, ec2), false);
        });
        it("matches exists: false only on an absent field, at any depth", () => {
            assert.strictEqual(matches({ detail: { missing: [{ exists: false }] } }, ec2), true);
            assert.strictEqual(matches({ detail: { state: [{ exists: false }] } }, ec2), false);
            assert.strictEqual(matches({ nope: { deeper: [{ exists: false }] } }, ec2), true);
        });
        it("does not treat an intermediate object as an existing leaf, so exists: false matches it", () => {
            assert.strictEqual(matches({ detail: { owner: [{ exists: true }] } }, ec2), false);
            assert.strictEqual(matches({ detail: { owner: [{ exists: false }] } }, ec2), true);
        });
        it("matches exists: false below a leaf, which has no children, and nothing else there", () => {
            assert.strictEqual(matches({ detail: { state: { sub: [{ exists: false }] } } }, ec2), true);
            assert.strictEqual(matches({ detail: { state: { sub: [{ exists: true }] } } }, ec2), false);
            assert.strictEqual(matches({ detail: { state: { sub: [{ "anything-but": "x" }] } } }, ec2), false);
        });
        it("treats an empty array as no value", () => {
            assert.strictEqual(matches({ resources: [{ exists: false }] }, { resources: [] }), true);
            assert.strictEqual(matches({ resources: [{ exists: true }] }, { resources: [] }), false);
        });
    });

    describe("cidr", () => {
        it("matches IPv4 addresses inside the block only", () => {
            assert.strictEqual(matches({ detail: { sourceIPAddress: [{ cidr: "10.0.0.0/16" }] } }, ec2), true);
            assert.strictEqual(matches({ detail: { sourceIPAddress: [{ cidr: "10.0.2.0/24" }] } }, ec2), false);
            assert.strictEqual(matches({ detail: { sourceIPAddress: [{ cidr: "0.0.0.0/0" }] } }, ec2), true);
        });
        it("matches IPv6 addresses and never mixes families", () => {
            assert.strictEqual(matches({ detail: { sourceIPv6: [{ cidr: "2001:db8::/32" }] } }, ec2), true);
            assert.strictEqual(matches({ detail: { sourceIPv6: [{ cidr: "2001:db9::/32" }] } }, ec2), false);
            assert.strictEqual(matches({ detail: { sourceIPAddress: [{ cidr: "::/0" }] } }, ec2), false);
        });
        it("does not match a value that is not an IP address", () => {
            assert.strictEqual(matches({ detail: { state: [{ cidr: "10.0.0.0/8" }] } }, ec2), false);
        });
    });

    describe("$or", () => {
        it("matches when any alternative matches, at the top level or nested", () => {
            assert.strictEqual(matches({ $or: [{ source: ["aws.s3"] }, { detail: { state: ["terminated"] } }] }, ec2), true);
            assert.strictEqual(matches({ detail: { $or: [{ state: ["running"] }, { count: [{ numeric: [">", 4] }] }] } }, ec2), true);
            assert.strictEqual(matches({ detail: { $or: [{ state: ["running"] }, { count: [{ numeric: [">", 9] }] }] } }, ec2), false);
        });
        it("still ANDs $or with its sibling keys", () => {
            assert.strictEqual(matches({ source: ["aws.s3"], $or: [{ region: ["us-west-1"] }, { account: ["1"] }] }, ec2), false);
        });
    });

    describe("malformed patterns", () => {
        it("rejects a leaf that is not an array, with its path", () => {
            assert.throws(() => matches({ detail: { state: "terminated" } }, ec2), /detail\.state: a pattern leaf must be an array/);
        });
        it("rejects unknown operators instead of matching nothing silently", () => {
            assert.throws(() => matches({ source: [{ prefx: "aws." }] }, ec2), /source: unknown operator "prefx"/);
        });
        it("rejects empty alternative lists, a lone $or branch and bad numeric or cidr operands", () => {
            assert.throws(() => matches({ source: [] }, ec2), /empty array/);
            assert.throws(() => matches({ $or: [{ source: ["x"] }] }, ec2), /\$or needs an array of at least two/);
            assert.throws(() => matches({ detail: { count: [{ numeric: ["~", 1] }] } }, ec2), /unknown numeric operator/);
            assert.throws(() => matches({ detail: { count: [{ numeric: [">", "1"] }] } }, ec2), /numeric operand must be a number/);
            assert.throws(() => matches({ a: [{ cidr: "10.0.0.0/33" }] }, ec2), /is not a CIDR block/);
            assert.throws(() => matches({ a: [{ exists: "yes" }] }, ec2), /exists takes true or false/);
        });
        it("rejects a pattern that is not an object", () => {
            assert.throws(() => matches(["aws.ec2"], ec2), /must be a JSON object/);
        });
    });

    describe("properties", () => {
        it("matches exists: true and anything-but as complements on a present string field", () => {
            fc.assert(
                fc.property(fc.string(), fc.string(), (value, excluded) => {
                    const event = { detail: { f: value } };
                    const notExcluded = matches({ detail: { f: [{ "anything-but": excluded }] } }, event);
                    const equal = matches({ detail: { f: [excluded] } }, event);
                    return notExcluded !== equal && matches({ detail: { f: [{ exists: true }] } }, event);
                }),
                { seed: 6, numRuns: 300 },
            );
        });
        it("agrees with startsWith for prefix and with a literal glob for wildcard without stars", () => {
            fc.assert(
                fc.property(fc.string(), fc.string({ maxLength: 4 }), (value, p) => {
                    const safe = p.replace(/[*\\]/g, "");
                    return (
                        matches({ f: [{ prefix: p }] }, { f: value }) === value.startsWith(p) &&
                        matches({ f: [{ wildcard: safe }] }, { f: value }) === (value === safe)
                    );
                }),
                { seed: 6, numRuns: 300 },
            );
        });
    });
});
