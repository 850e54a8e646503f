// Entry point of `pulumi up`/`preview`: the Pulumi CLI calls the exported function and uses its
// result as the stack outputs.
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "./config/errors";
import { runProgram } from "./program";

export = async () => {
    try {
        return runProgram({ root: path.resolve(__dirname, ".."), stack: pulumi.getStack(), config: pulumi.runtime.allConfig() });
    } catch (e) {
        // RunError prints its message without a stack trace: a config error is the user's to fix, not a crash.
        if (e instanceof ConfigError) throw new pulumi.RunError(e.message);
        throw e;
    }
};
