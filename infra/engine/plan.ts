import { roleOrder, type ProjectSource, type StackSource } from "./stacks";
import { runStack, type StackPlan } from "./run";
import { landingZoneInvokes } from "./invokes";

export interface PlanOptions {
    readonly preview: boolean;
    /** Called before each stack starts (for progress lines). */
    readonly onStack?: (stack: StackSource, index: number, total: number) => void;
    /** Called after each stack with its plan and wall time in milliseconds. */
    readonly onStackDone?: (plan: StackPlan, ms: number) => void;
}

/**
 * Plans stacks in deploy order under the mock engine, feeding each stack's outputs to the
 * StackReferences of the stacks after it.
 */
export async function planStacks(project: ProjectSource, stacks: readonly StackSource[], o: PlanOptions): Promise<StackPlan[]> {
    const outputs = new Map<string, Record<string, unknown>>();
    const plans: StackPlan[] = [];
    const ordered = [...stacks].sort((a, b) => roleOrder(a.role) - roleOrder(b.role));
    for (const [i, s] of ordered.entries()) {
        o.onStack?.(s, i, ordered.length);
        const started = performance.now();
        const plan = await runStack({
            project: project.project,
            stack: s.stack,
            preview: o.preview,
            config: s.config,
            // Loaded on first use, inside the run: a program that fails to load fails its stack with
            // its own message, like any other program error.
            program: async () => (await import("../program")).runProgram({ root: project.root, stack: s.stack, config: s.config }),
            // A reference is `<org>/<project>/<stack>`; the organisation part is whatever the org file says.
            stackOutputs: (name) => {
                const [stackName, projectName] = name.split("/").reverse();
                return projectName === project.project || projectName === undefined ? outputs.get(stackName) : undefined;
            },
            invoke: landingZoneInvokes,
        });
        o.onStackDone?.(plan, performance.now() - started);
        outputs.set(s.stack, plan.outputValues);
        plans.push(plan);
    }
    return plans;
}

/**
 * The stacks to run so that `targets` can be planned: each target plus every stack of an earlier
 * role (their outputs feed the target's StackReferences). Members never depend on other members.
 */
export function withPredecessors(all: readonly StackSource[], targets: readonly string[]): StackSource[] {
    const wanted = all.filter((s) => targets.includes(s.stack));
    const firstRole = Math.max(...wanted.map((s) => roleOrder(s.role)));
    return all.filter((s) => targets.includes(s.stack) || (roleOrder(s.role) < firstRole && s.role !== "member"));
}
