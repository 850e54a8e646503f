// Entry point of `pulumi up`/`preview`: the Pulumi CLI calls the exported function and uses its
// result as the stack outputs.
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "./config/errors";
import { runProgram } from "./program";

export = async () => {
    try {
        // LZ_ASSUME=preview: the read-only role of each account, for pull-request previews and the
        // drift check (their CI role may assume nothing else).
        const assume = process.env.LZ_ASSUME;
        if (assume !== undefined && assume !== "preview" && assume !== "deployment") {
            throw new pulumi.RunError(`LZ_ASSUME=${assume}: use preview (read-only previews and drift checks) or deployment (the default)`);
        }
        return runProgram({ root: path.resolve(__dirname, ".."), stack: pulumi.getStack(), config: pulumi.runtime.allConfig(), assume });
    } catch (e) {
        // RunError prints its message without a stack trace: a config error is the user's to fix, not a crash.
        if (e instanceof ConfigError) throw new pulumi.RunError(e.message);
        throw e;
    }
};
