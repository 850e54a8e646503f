import type { Role } from "../config/model";
import { DEFAULT_PARALLEL } from "./deploy-time";

/**
 * Seconds the deploy workflow (.github/workflows/deploy.yml, deploy-stack.yml) spends around a
 * stack's `pulumi up`, assumed from typical GitHub-hosted runs: checkout, setup-node with the npm
 * cache, `npm ci`, the Pulumi CLI and the two OIDC logins.
 */
export const JOB_SETUP_SECONDS = 90;
/** `pulumi up` previews first: the program runs and every resource is diffed. */
export const PREVIEW_SECONDS = 20;
export const PREVIEW_SECONDS_PER_RESOURCE = 0.05;
/** `refresh: true` reads every resource of the stack before the update. */
export const REFRESH_SECONDS_PER_READ = 0.5;
/** A baseline change updates a handful of resources per stack: two dependent updates of a few seconds. */
export const CHANGE_UPDATE_SECONDS = 10;
/** The `npm test` job the stages wait for (the `list stacks` job runs beside it and is shorter). */
export const TEST_JOB_SECONDS = 300;
/**
 * Jobs GitHub runs at once for one account on GitHub-hosted standard runners (Free plan: 20; Team
 * 60; Enterprise 500): the member matrix has no `max-parallel`, so this bounds it.
 */
export const RUNNER_CONCURRENCY = 20;

/** One stack's job in the workflow. */
export interface StackJob {
    readonly stack: string;
    readonly role: Role;
    readonly resources: number;
    /** Seconds `pulumi up` spends creating the stack (stackDeployTime). */
    readonly createSeconds: number;
}

/** One stage of the workflow: its stacks run in parallel (bounded by the runner concurrency). */
export interface Phase {
    readonly name: string;
    readonly stacks: number;
    /** Wall time of the stage on a first deploy (everything created) and on a baseline change (everything refreshed, a few updates). */
    readonly firstDeploySeconds: number;
    readonly changeSeconds: number;
}

export interface WorkflowTime {
    readonly phases: readonly Phase[];
    readonly firstDeploySeconds: number;
    readonly changeSeconds: number;
    readonly runnerConcurrency: number;
}

const STAGES: readonly { name: string; role: Role }[] = [
    { name: "management", role: "management" },
    { name: "log-archive", role: "log-archive" },
    { name: "security", role: "security" },
    { name: "members", role: "member" },
];

/** Makespan of jobs run in matrix order on `slots` runners (each job takes the first free runner). */
function makespan(durations: readonly number[], slots: number): number {
    const free = new Array<number>(Math.max(1, Math.min(slots, durations.length))).fill(0);
    for (const d of durations) {
        free.sort((a, b) => a - b);
        free[0] += d;
    }
    return Math.max(0, ...free);
}

/**
 * The organisation's deploy: the `npm test` job, then management → log-archive → security → every
 * member stack (a matrix), each stage when the one before succeeded. Environment approvals (a person
 * clicking "approve") are not counted. A baseline change refreshes every resource and updates a few
 * (counted as one operation's worth of time per stack).
 */
export function workflowTime(jobs: readonly StackJob[], o: { concurrency?: number; parallel?: number } = {}): WorkflowTime {
    const concurrency = o.concurrency ?? RUNNER_CONCURRENCY;
    const parallel = o.parallel ?? DEFAULT_PARALLEL;
    const overhead = (j: StackJob) => JOB_SETUP_SECONDS + PREVIEW_SECONDS + PREVIEW_SECONDS_PER_RESOURCE * j.resources;
    const first = (j: StackJob) => overhead(j) + j.createSeconds;
    const change = (j: StackJob) => overhead(j) + Math.ceil(j.resources / parallel) * REFRESH_SECONDS_PER_READ + CHANGE_UPDATE_SECONDS;
    const phases: Phase[] = [{ name: "npm test", stacks: 0, firstDeploySeconds: TEST_JOB_SECONDS, changeSeconds: TEST_JOB_SECONDS }];
    for (const stage of STAGES) {
        const of = jobs.filter((j) => j.role === stage.role);
        if (of.length === 0) continue;
        phases.push({ name: stage.name, stacks: of.length, firstDeploySeconds: makespan(of.map(first), concurrency), changeSeconds: makespan(of.map(change), concurrency) });
    }
    const sum = (k: "firstDeploySeconds" | "changeSeconds") => phases.reduce((n, p) => n + p[k], 0);
    return { phases, firstDeploySeconds: sum("firstDeploySeconds"), changeSeconds: sum("changeSeconds"), runnerConcurrency: concurrency };
}
