// Reading the repository's GitHub workflows for tests: parsed YAML, their steps, and running a
// step's shell script locally with the variables GitHub would set.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";

/** The repository root. Not imported from test/support/plan: that loads every stack program. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const WORKFLOW_DIR = path.join(REPO_ROOT, ".github", "workflows");
export const ACTION_FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "actions");

export interface Step {
    id?: string;
    name?: string;
    uses?: string;
    run?: string;
    if?: string;
    with?: Record<string, unknown>;
    env?: Record<string, string>;
    "working-directory"?: string;
}

export interface Job {
    name?: string;
    needs?: string | string[];
    if?: string;
    uses?: string;
    with?: Record<string, unknown>;
    environment?: string | { name: string };
    permissions?: Record<string, string> | string;
    strategy?: { matrix?: Record<string, unknown>; "fail-fast"?: boolean };
    outputs?: Record<string, string>;
    steps?: Step[];
}

export interface Workflow {
    name?: string;
    on: Record<string, any>;
    permissions?: Record<string, string>;
    concurrency?: { group: string; "cancel-in-progress"?: boolean };
    jobs: Record<string, Job>;
}

export function workflowFiles(): string[] {
    return fs.readdirSync(WORKFLOW_DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
}

export function readWorkflow(file: string): Workflow {
    const abs = path.isAbsolute(file) ? file : path.join(WORKFLOW_DIR, file);
    return parse(fs.readFileSync(abs, "utf8")) as Workflow;
}

export function needsOf(job: Job): string[] {
    return job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
}

/** Every step of every job, with the job it belongs to. */
export function allSteps(wf: Workflow): { job: string; step: Step }[] {
    return Object.entries(wf.jobs).flatMap(([job, j]) => (j.steps ?? []).map((step) => ({ job, step })));
}

/** `with:` keys of steps using `action` (owner/name) that the action does not declare. */
export function undeclaredInputs(wf: Workflow, action: string, declared: readonly string[]): string[] {
    return allSteps(wf)
        .filter(({ step }) => step.uses?.split("@")[0] === action)
        .flatMap(({ job, step }) => Object.keys(step.with ?? {}).filter((k) => !declared.includes(k)).map((k) => `${job}: ${k}`));
}

export function step(wf: Workflow, job: string, pick: (s: Step) => boolean): Step {
    const found = (wf.jobs[job]?.steps ?? []).find(pick);
    if (found === undefined) throw new Error(`no such step in job ${job}`);
    return found;
}

/**
 * Runs a step's `run:` script with bash -e (GitHub's default shell) in `cwd`, with GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY and RUNNER_TEMP pointing into a fresh temporary folder.
 */
export function runStep(script: string, cwd: string, env: Record<string, string> = {}) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lz-step-"));
    const files = { output: path.join(tmp, "output"), summary: path.join(tmp, "summary"), runnerTemp: path.join(tmp, "runner") };
    fs.mkdirSync(files.runnerTemp);
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], {
        cwd,
        encoding: "utf8",
        env: { ...process.env, GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary, RUNNER_TEMP: files.runnerTemp, ...env },
        maxBuffer: 64 * 1024 * 1024,
    });
    const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, "utf8") : "");
    const outputs: Record<string, string> = {};
    for (const line of read(files.output).split("\n")) {
        const eq = line.indexOf("=");
        if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
    }
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, outputs, summary: read(files.summary), runnerTemp: files.runnerTemp, cleanup: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}
