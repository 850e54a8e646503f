// Entry point for the Pulumi CLI (`pulumi preview --policy-pack policy-pack`, `pulumi policy publish`).
// Constructing a PolicyPack starts the analyzer's gRPC server: never import this file from tests,
// use `harness/evaluate.ts` instead.
import { PolicyPack } from "@pulumi/policy";
import { PACK_NAME, packArgs } from "./pack";

new PolicyPack(PACK_NAME, packArgs());
