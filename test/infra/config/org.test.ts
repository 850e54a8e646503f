import { strict as assert } from "assert";
import { parseOrg } from "../../../infra/config/org";
import { ConfigError } from "../../../infra/config/errors";

describe("parseOrg smoke", () => {
    it("rejects an empty file naming the file", () => {
        assert.throws(() => parseOrg(undefined, "stacks/org.yaml"), (e: unknown) => e instanceof ConfigError && /stacks\/org.yaml: is empty/.test(e.message));
    });
});
