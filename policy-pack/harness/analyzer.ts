/**
 * The SDK's Analyzer service, in-process. `serve()` in `@pulumi/policy/server` builds the service
 * implementation (configure, configureStack, analyze, analyzeStack, remediate) and hands it to a
 * gRPC server. We call that same `serve()` once, with the pack's own arguments, while the gRPC
 * `Server` class is swapped for one that only records the implementation and never binds a socket.
 */
import * as path from "path";
import { PACK_NAME, PACK_VERSION, packArgs } from "../pack";

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
const policyDir = path.dirname(require.resolve("@pulumi/policy/package.json"));
const grpc = require(require.resolve("@grpc/grpc-js", { paths: [policyDir] }));
const policyServer = require("@pulumi/policy/server") as {
    serve(name: string, version: string, level: string, args: unknown, initialConfig: unknown): void;
};
export const analyzerproto = require("@pulumi/pulumi/proto/analyzer_pb");
export const structproto = require(require.resolve("google-protobuf/google/protobuf/struct_pb", {
    paths: [path.dirname(require.resolve("@pulumi/pulumi/proto/analyzer_pb"))],
}));
/* eslint-enable @typescript-eslint/no-require-imports */

export type Handler = (call: { request: unknown }, callback: (err: unknown, resp?: any) => void) => unknown;
export interface Handlers {
    configure: Handler;
    configureStack: Handler;
    analyze: Handler;
    analyzeStack: Handler;
    remediate: Handler;
}

let handlers: Handlers | undefined;

/** Runs the SDK's `serve()` once with a recording stand-in for the gRPC server. */
export function analyzer(): Handlers {
    if (handlers) return handlers;
    const original = Object.getOwnPropertyDescriptor(grpc, "Server");
    let impl: Handlers | undefined;
    class RecordingServer {
        addService(_service: unknown, implementation: Handlers): void {
            impl = implementation;
        }
        bindAsync(): void {
            // Deliberately never binds: the handlers are called in-process.
        }
    }
    Object.defineProperty(grpc, "Server", { configurable: true, enumerable: true, get: () => RecordingServer });
    try {
        policyServer.serve(PACK_NAME, PACK_VERSION, "advisory", packArgs(), undefined);
    } finally {
        if (original) Object.defineProperty(grpc, "Server", original);
    }
    if (!impl) throw new Error("the @pulumi/policy analyzer did not register its service");
    handlers = impl;
    return impl;
}

export function rpc(fn: Handler, request: unknown): Promise<any> {
    return new Promise((resolve, reject) => {
        // The SDK's handlers are async: an error they do not pass to the callback (one thrown while
        // deserializing a malformed value) rejects their promise instead, and the call would never end.
        const pending = fn({ request }, (err, resp) => (err ? reject(err) : resolve(resp)));
        if (pending instanceof Promise) pending.catch(reject);
    });
}

export const LEVELS = ["advisory", "mandatory", "remediate", "disabled"] as const;
export type Level = (typeof LEVELS)[number];

export function levelEnum(level: Level): number {
    const e = analyzerproto.EnforcementLevel;
    return { advisory: e.ADVISORY, mandatory: e.MANDATORY, remediate: e.REMEDIATE, disabled: e.DISABLED }[level];
}

export function levelName(n: number): Level {
    const e = analyzerproto.EnforcementLevel;
    if (n === e.MANDATORY) return "mandatory";
    if (n === e.REMEDIATE) return "remediate";
    if (n === e.DISABLED) return "disabled";
    return "advisory";
}

/* eslint-enable @typescript-eslint/no-explicit-any */
