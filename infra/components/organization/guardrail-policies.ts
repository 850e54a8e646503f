import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { failIfAny } from "../validate";

/** One SCP: its content is the JSON string built by an `infra/iam/scp-*.ts` function. */
export interface GuardrailPolicy {
    /** Kebab-case id; child resources are named `${name}-<id>`. */
    readonly id: string;
    /** Physical SCP name. */
    readonly policyName: string;
    readonly description: string;
    /** `policyJson(document)`. */
    readonly content: string;
    /**
     * Keys of `targets` the policy is attached to.
     * @default every target
     */
    readonly attachTo?: readonly string[];
}

export interface GuardrailPoliciesArgs {
    readonly policies: readonly GuardrailPolicy[];
    /** Root, OU or account ids the policies are attached to, by a key the policies name (SCPs never apply to the management account). */
    readonly targets: Readonly<Record<string, pulumi.Input<string>>>;
    /**
     * SCP slots the targets keep for policies outside this component (AWS allows five per target;
     * FullAWSAccess takes one).
     * @default 2
     */
    readonly reservedSlots?: number;
}

/** AWS attaches at most this many SCPs to one root, OU or account. */
export const SCPS_PER_TARGET = 5;

/** AWS rejects an SCP longer than this, whitespace included. */
export const SCP_MAX_CHARACTERS = 5120;

export function resolveGuardrailPoliciesArgs(name: string, args: GuardrailPoliciesArgs): Required<GuardrailPoliciesArgs> {
    const problems: string[] = [];
    const ids = new Set<string>();
    for (const p of args.policies) {
        if (ids.has(p.id)) problems.push(`policies: ${p.id} is listed twice`);
        ids.add(p.id);
        if (p.content.length > SCP_MAX_CHARACTERS) problems.push(`policies.${p.id}: ${p.content.length} characters exceeds the ${SCP_MAX_CHARACTERS}-character SCP limit; split it`);
    }
    const reserved = args.reservedSlots ?? 2;
    const keys = Object.keys(args.targets);
    if (keys.length === 0) problems.push("targets: at least one root, OU or account id is required");
    for (const p of args.policies) {
        for (const k of p.attachTo ?? []) if (!keys.includes(k)) problems.push(`policies.${p.id}.attachTo: ${JSON.stringify(k)} is not a key of targets (${keys.join(", ")})`);
    }
    for (const k of keys) {
        const attached = args.policies.filter((p) => (p.attachTo ?? keys).includes(k)).length;
        if (attached + reserved > SCPS_PER_TARGET) {
            problems.push(`targets.${k}: ${attached} guardrails + ${reserved} reserved slots exceed the ${SCPS_PER_TARGET} SCPs AWS allows per target; merge guardrails`);
        }
    }
    failIfAny("GuardrailPolicies", name, problems);
    return { reservedSlots: reserved, ...args };
}

/** The guardrail SCPs and their attachments. */
export class GuardrailPolicies extends pulumi.ComponentResource {
    /** Guardrail id → SCP id. */
    public readonly policyIds: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: GuardrailPoliciesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:organization:GuardrailPolicies", name, {}, opts);
        const a = resolveGuardrailPoliciesArgs(name, args);
        const ids = a.policies.map((p) => {
            const policy = new aws.organizations.Policy(
                `${name}-${p.id}`,
                { name: p.policyName, description: p.description, type: "SERVICE_CONTROL_POLICY", content: p.content },
                { parent: this },
            );
            (p.attachTo ?? Object.keys(a.targets)).forEach((key, i) => {
                new aws.organizations.PolicyAttachment(`${name}-${p.id}-attachment-${i}`, { policyId: policy.id, targetId: a.targets[key] }, { parent: this });
            });
            return policy.id.apply((id) => [p.id, id] as const);
        });
        this.policyIds = pulumi.all(ids).apply((e) => Object.fromEntries(e));
        this.registerOutputs({ policyIds: this.policyIds });
    }
}
