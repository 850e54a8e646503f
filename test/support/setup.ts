// Shared test set-up: Pulumi's SDK builds a stack trace for every promise; with ts-node's
// source-map support that dominates run time. A short trace keeps assertion locations readable.
Error.stackTraceLimit = 12;
