import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as path from "path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { runStack, StackRunError, type RunStackOptions, type StackPlan } from "../../../infra/engine/run";
import { planGenerated, referenceOrg } from "../../support/plan";

const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");

/**
 * Fails fast instead of waiting for mocha's 120 s timeout: before the fix these runs never settled
 * (the SDK reports them as unhandled rejections, which mocha swallows).
 */
function settles<T>(p: Promise<T>, ms = 15_000): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`did not settle within ${ms} ms (hang)`)), ms);
    });
    return Promise.race([p, hung]).finally(() => clearTimeout(timer));
}

function run(program: () => unknown, o: Partial<RunStackOptions> = {}): Promise<StackPlan> {
    return settles(runStack({ project: "p", stack: "s", preview: false, config: {}, program, ...o }));
}

/** Asserts a StackRunError for stack `s` whose message matches `message`. */
async function rejectsWith(p: Promise<unknown>, message: RegExp): Promise<void> {
    await assert.rejects(p, (e: unknown) => {
        assert.ok(e instanceof StackRunError, `expected a StackRunError, got ${String(e)}`);
        assert.equal(e.stackName, "s");
        assert.match(e.message, /^stack s: /);
        assert.match(e.message, message);
        assert.doesNotMatch(e.message, /hang/);
        return true;
    });
}

describe("offline engine: a failing program fails its stack promptly, with its own error", () => {
    for (const preview of [false, true]) {
        const mode = preview ? "preview" : "update";

        it(`a rejected promise as a resource input (${mode}): names the resource and the property`, async () => {
            await rejectsWith(
                run(
                    () => {
                        new aws.s3.Bucket("logs", { bucket: Promise.reject(new Error("no bucket name today")) as unknown as string });
                        return {};
                    },
                    { preview },
                ),
                /resource "logs" \[aws:s3\/bucket:Bucket\]: error serializing property "bucket": no bucket name today$/,
            );
        });

        it(`a component whose async initialize throws (${mode})`, async () => {
            class Broken extends pulumi.ComponentResource {
                constructor(name: string) {
                    super("test:index:Broken", name, {}, {});
                }
                protected async initialize(): Promise<unknown> {
                    throw new Error("component could not start");
                }
            }
            await rejectsWith(
                run(
                    () => {
                        new Broken("c");
                        return {};
                    },
                    { preview },
                ),
                /component could not start/,
            );
        });

        it(`a constructor that throws asynchronously, outside any awaited promise (${mode})`, async () => {
            class Detached extends pulumi.ComponentResource {
                constructor(name: string) {
                    super("test:index:Detached", name, {});
                    void (async () => {
                        await Promise.resolve();
                        throw new Error("late constructor failure");
                    })();
                }
            }
            await rejectsWith(
                run(
                    () => {
                        new Detached("d");
                        return {};
                    },
                    { preview },
                ),
                /late constructor failure/,
            );
        });
    }

    it("an Output whose apply throws while serializing an input, with the resources that wait on it", async () => {
        await rejectsWith(
            run(() => {
                const bucket = new aws.s3.Bucket("logs", {});
                const policy = bucket.arn.apply((): string => {
                    throw new Error("cannot build the policy");
                });
                const p = new aws.s3.BucketPolicy("logs-policy", { bucket: bucket.id, policy });
                // Waits on the failed resource forever: must not keep the run alive.
                new aws.s3.BucketPolicy("second", { bucket: p.bucket, policy: "{}" });
                return { policyId: p.id };
            }),
            /resource "logs-policy" \[aws:s3\/bucketPolicy:BucketPolicy\]: error serializing property "policy": cannot build the policy$/,
        );
    });

    it("a value shared by several failing resources is reported once, for the first of them", async () => {
        await assert.rejects(
            run(() => {
                const bad = pulumi.output(Promise.reject(new Error("shared failure")));
                for (const n of ["a", "b", "c"]) new aws.sns.Topic(n, { displayName: bad as pulumi.Output<string> });
                return {};
            }),
            (e: Error) => {
                assert.match(e.message, /^stack s: resource "a" \[aws:sns\/topic:Topic\]: error serializing property "displayName": shared failure$/);
                return true;
            },
        );
    });

    it("a synchronous throw and a rejected stack output keep their own message", async () => {
        await rejectsWith(
            run(() => {
                throw new Error("boom in program");
            }),
            /^stack s: boom in program$/,
        );
        await rejectsWith(
            run(() => ({ x: new aws.s3.Bucket("b", {}).arn.apply((): string => { throw new Error("output failed"); }) })),
            /output failed/,
        );
    });

    it("keeps the original error as the cause", async () => {
        const original = new Error("the original");
        await assert.rejects(
            run(() => {
                throw original;
            }),
            (e: unknown) => e instanceof StackRunError && e.cause === original,
        );
    });

    it("carries the program's own message without the stack prefix, for commands that run one program", async () => {
        await assert.rejects(
            run(() => {
                throw new Error("DATABASE_URL is not set");
            }),
            (e: unknown) => e instanceof StackRunError && e.stackName === "s" && e.programMessage === "DATABASE_URL is not set",
        );
    });

    it("a program that never finishes fails after the idle timeout, saying so", async () => {
        await rejectsWith(
            run(() => ({ never: new Promise(() => undefined) }), { idleTimeoutMs: 200 }),
            /the program sent nothing for 0\.2 s and never finished: it waits on a promise or Output that never settles/,
        );
    });

    it("runs the next stack normally after a failed one", async () => {
        await assert.rejects(run(() => ({ x: Promise.reject(new Error("first fails")) })), /first fails/);
        const plan = await run(() => ({ name: new aws.s3.Bucket("ok", { bucket: "fine" }).bucket }));
        assert.equal(plan.outputs.name, "fine");
    });

    it("planStacks rejects too: a member stack whose log-archive stack is missing", async () => {
        const stacks = { "member-workload-dev": { "lz:role": "member", "lz:account": "workload-dev" } };
        await assert.rejects(settles(planGenerated(referenceOrg(), stacks, ["member-workload-dev"])), (e: unknown) => {
            assert.ok(e instanceof StackRunError);
            assert.match(e.message, /^stack member-workload-dev: resource ".+" \[.+\]: error serializing property ".+": .*StackReference "acme\/lz\/log-archive": no such stack has been planned before this one/);
            return true;
        });
    });

    describe("in a process with nothing else to do (the CLI)", () => {
        /**
         * Runs `runStack` in a fresh node process, as the CLI does, and prints how it ended; the
         * process then ends by itself (exit 0 unless something crashes or the SDK's leak check objects).
         */
        function inChild(program: string): { status: number | null; stdout: string; stderr: string } {
            const code = `
                const { runStack } = require(${JSON.stringify(path.join(REPO_ROOT, "infra/engine/run.ts"))});
                runStack({ project: "p", stack: "s", preview: false, config: {}, program: ${program} }).then(
                    () => console.log("resolved"),
                    (e) => console.log("rejected: " + e.message));`;
            const r = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", code], {
                cwd: REPO_ROOT,
                encoding: "utf8",
                timeout: 60_000,
                env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
            });
            return { status: r.status, stdout: r.stdout, stderr: r.stderr };
        }

        it("reports a program stuck on a promise that never settles at once, not after the idle timeout", () => {
            const started = Date.now();
            const r = inChild("() => ({ never: new Promise(() => undefined) })");
            assert.equal(r.status, 0, r.stderr + r.stdout);
            assert.match(r.stdout, /rejected: stack s: the program stopped making progress and never finished/);
            assert.ok(Date.now() - started < 30_000, "well before the 60 s idle timeout");
        });

        it("fails the stack on an exception thrown from a timer callback (uncaught exception)", () => {
            const r = inChild("() => { setTimeout(() => { throw new Error('timer exploded'); }, 1); return { later: new Promise((r) => setTimeout(r, 100)) }; }");
            assert.equal(r.status, 0, r.stderr + r.stdout);
            assert.match(r.stdout, /rejected: stack s: timer exploded/);
        });

        it("leaves no leaked-promise report or crash behind a failed run", () => {
            const r = inChild("() => ({ x: Promise.reject(new Error('fails')) })");
            assert.equal(r.status, 0, r.stderr + r.stdout);
            assert.doesNotMatch(r.stderr, /promises? (was|were) still active|Unhandled|\n\s+at /);
        });
    });
});
