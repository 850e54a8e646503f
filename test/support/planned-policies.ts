/**
 * Decisions against what the reference organisation's plans would deploy, as AWS would reach them:
 * the SCPs the management plan attaches (root: every account but the management account; an account
 * id: that account alone), the resource policy the plans give the resource (bucket, key, topic, queue,
 * bus, log destination, role trust), and an identity policy of the caller (an administrator's
 * AllowAll by default, or a planned role's own inline policies). Nothing is rebuilt from the code's
 * functions: every document is read from the plan JSON the engine produced.
 */
import type { StackPlan } from "../../infra/engine/run";
import type { PlannedResource } from "../../infra/engine/monitor";
import { ALLOW_ALL, decideAs, decideKeyPolicy, isIamPrincipal, type Decision } from "./iam";
import { FULL_AWS_ACCESS } from "./guardrails";
import { planReference, REPO_ROOT } from "./plan";
import { loadOrg } from "../../infra/config/load";

export interface PlannedWorld {
    readonly plans: readonly StackPlan[];
    readonly organizationId: string;
    readonly managementAccountId: string;
}

export async function plannedWorld(): Promise<PlannedWorld> {
    const plans = await planReference();
    const management = plans.find((p) => p.stack === "management")!;
    // The adopted organisation's id as the org file gives it (the mocks invent ids for what they create).
    return { plans, organizationId: loadOrg(REPO_ROOT).organizationId, managementAccountId: accountOf(management) };
}

/** The account a stack deploys into (its provider's `allowedAccountIds`). */
export function accountOf(plan: StackPlan): string {
    const provider = plan.resources.find((r) => r.type === "pulumi:providers:aws")!;
    return (JSON.parse(String(provider.inputs.allowedAccountIds)) as string[])[0];
}

const json = (v: unknown): unknown => (typeof v === "string" ? JSON.parse(v) : v);

function all(w: PlannedWorld, type: string): { plan: StackPlan; r: PlannedResource }[] {
    return w.plans.flatMap((plan) => plan.resources.filter((r) => r.type === type).map((r) => ({ plan, r })));
}

/** SCP levels of `account` as the management plan attaches them: the root's, then the account's own. */
export function plannedScps(w: PlannedWorld, account: string): unknown[][] {
    if (account === w.managementAccountId) return [];
    const policies = all(w, "aws:organizations/policy:Policy").map(({ r }) => r);
    const attachments = all(w, "aws:organizations/policyAttachment:PolicyAttachment").map(({ r }) => r);
    const contentOf = (policyId: unknown) => json(policies.find((p) => p.outputs.id === policyId)!.inputs.content);
    const at = (target: (id: string) => boolean) => attachments.filter((a) => target(String(a.inputs.targetId))).map((a) => contentOf(a.inputs.policyId));
    const levels = [[FULL_AWS_ACCESS, ...at((t) => t.startsWith("r-"))]];
    const own = at((t) => t === account);
    if (own.length > 0) levels.push([FULL_AWS_ACCESS, ...own]);
    return levels;
}

/** Where a resource lives and the policy the plans give it. */
export interface PlannedResourcePolicy {
    /** Undefined for a bucket the plans do not hold (S3 ARNs name no account). */
    readonly account: string | undefined;
    readonly policy: unknown | undefined;
    /** The resource's tags as AWS would see them: the provider's default tags and its own. */
    readonly tags?: Readonly<Record<string, string>>;
    readonly kind: "bucket" | "key" | "topic" | "queue" | "bus" | "destination" | "role" | "other";
}

function bucketOf(arn: string): string | undefined {
    const m = /^arn:[^:]+:s3:::([^/]+)/.exec(arn);
    return m?.[1];
}

/** The resource policy of `arn` in the plans (and the account that owns it). */
export function plannedResourcePolicy(w: PlannedWorld, arn: string): PlannedResourcePolicy {
    const [, , service, , account, ...rest] = arn.split(":");
    const resource = rest.join(":");
    switch (service) {
        case "s3": {
            const name = bucketOf(arn)!;
            const bucket = all(w, "aws:s3/bucket:Bucket").find(({ r }) => r.inputs.bucket === name);
            const policy = all(w, "aws:s3/bucketPolicy:BucketPolicy").find(({ r }) => r.inputs.bucket === name);
            return { account: bucket ? accountOf(bucket.plan) : undefined, policy: policy ? json(policy.r.inputs.policy) : undefined, kind: "bucket" };
        }
        case "kms": {
            const key = all(w, "aws:kms/key:Key").find(({ r }) => r.outputs.arn === arn);
            return { account, policy: key ? json(key.r.inputs.policy) : undefined, kind: "key", tags: key ? tagsOf(key.plan, key.r) : undefined };
        }
        case "sns": {
            const policy = all(w, "aws:sns/topicPolicy:TopicPolicy").find(({ r }) => String(r.inputs.arn) === arn.split(":").slice(0, 6).join(":"));
            return { account, policy: policy ? json(policy.r.inputs.policy) : undefined, kind: "topic" };
        }
        case "sqs": {
            const queue = all(w, "aws:sqs/queue:Queue").find(({ r }) => r.outputs.arn === arn);
            const policy = queue ? all(w, "aws:sqs/queuePolicy:QueuePolicy").find(({ r }) => r.inputs.queueUrl === queue.r.outputs.url) : undefined;
            return { account, policy: policy ? json(policy.r.inputs.policy) : undefined, kind: "queue" };
        }
        case "events": {
            const busName = /^event-bus\/(.+)$/.exec(resource)?.[1];
            const policy = busName ? all(w, "aws:cloudwatch/eventBusPolicy:EventBusPolicy").find(({ r }) => r.inputs.eventBusName === busName) : undefined;
            return { account, policy: policy ? json(policy.r.inputs.policy) : undefined, kind: busName ? "bus" : "other" };
        }
        case "logs": {
            const name = /^destination:(.+)$/.exec(resource)?.[1];
            const region = arn.split(":")[3];
            const policy = name ? all(w, "aws:cloudwatch/logDestinationPolicy:LogDestinationPolicy").find(({ r }) => r.inputs.destinationName === name && r.inputs.region === region) : undefined;
            return { account, policy: policy ? json(policy.r.inputs.accessPolicy) : undefined, kind: name ? "destination" : "other" };
        }
        case "iam": {
            const roleName = /^role\/(?:.*\/)?([^/]+)$/.exec(resource)?.[1];
            const role = roleName ? all(w, "aws:iam/role:Role").find(({ plan, r }) => r.inputs.name === roleName && accountOf(plan) === account) : undefined;
            const trust = role ? json(role.r.inputs.assumeRolePolicy) : roleName ? templateRoleTrust(w, roleName, account) : undefined;
            return { account, policy: trust, kind: roleName ? "role" : "other" };
        }
        default:
            return { account, policy: undefined, kind: "other" };
    }
}

/**
 * The trust of a role a planned CloudFormation template creates: the bootstrap's StackSet (every
 * account of its targets — the reference org targets the root, so every account but the management
 * account) or its stack in the management account.
 */
function templateRoleTrust(w: PlannedWorld, roleName: string, account: string): unknown {
    type Template = { Resources: Record<string, { Type: string; Properties: { RoleName?: string; AssumeRolePolicyDocument?: unknown } }> };
    const templates =
        account === w.managementAccountId
            ? all(w, "aws:cloudformation/stack:Stack").filter(({ plan }) => accountOf(plan) === account)
            : all(w, "aws:cloudformation/stackSet:StackSet").filter(({ r }) => r.inputs.permissionModel === "SERVICE_MANAGED");
    for (const { r } of templates) {
        const template = json(r.inputs.templateBody) as Template;
        const found = Object.values(template.Resources).find((x) => x.Type === "AWS::IAM::Role" && x.Properties.RoleName === roleName);
        if (found) return found.Properties.AssumeRolePolicyDocument;
    }
    return undefined;
}

/** Tags of a planned resource: its provider's `defaultTags` and its own. */
function tagsOf(plan: StackPlan, r: PlannedResource): Record<string, string> {
    const provider = plan.resources.find((p) => p.urn === r.provider) ?? plan.resources.find((p) => p.type === "pulumi:providers:aws")!;
    const defaults = (json(provider.inputs.defaultTags ?? "{}") as { tags?: Record<string, string> }).tags ?? {};
    return { ...defaults, ...((r.inputs.tags as Record<string, string> | null) ?? {}) };
}

/** The inline policies the plans give role `roleArn` (its identity policies, exactly as deployed). */
export function plannedRolePolicies(w: PlannedWorld, roleArn: string): unknown[] {
    const [, , , , account, resource] = roleArn.split(":");
    const name = resource.replace(/^role\/(?:.*\/)?/, "");
    const role = all(w, "aws:iam/role:Role").find(({ plan, r }) => r.inputs.name === name && accountOf(plan) === account);
    if (!role) throw new Error(`no planned role ${roleArn}`);
    return all(w, "aws:iam/rolePolicy:RolePolicy")
        .filter(({ plan, r }) => accountOf(plan) === account && (r.inputs.role === name || r.inputs.role === role.r.outputs.name))
        .map(({ r }) => json(r.inputs.policy));
}

export interface PlannedRequest {
    readonly principal: string;
    readonly action: string;
    readonly resource: string;
    readonly context?: Record<string, string | string[]>;
    /** Identity policies of the caller (default: an administrator's AllowAll for an IAM principal, none for a service). */
    readonly identity?: readonly unknown[];
    /** The account owning the resource when the ARN cannot say (`*` resources): the principal's own. */
    readonly resourceAccount?: string;
    /** The resource policy when the plans hold none for the resource. */
    readonly resourcePolicy?: unknown;
    /**
     * Decide with no guardrail and no resource policy: what the caller's own permissions alone allow
     * (proves that a refusal is the landing zone's doing).
     * @default false
     */
    readonly withoutControls?: boolean;
}

/**
 * Decides a request the way AWS would on the planned organisation: the caller's SCPs (IAM principals
 * of member accounts only), its identity policies, and the planned resource policy of the resource.
 */
export async function decidePlanned(w: PlannedWorld, r: PlannedRequest): Promise<Decision> {
    const iam = isIamPrincipal(r.principal);
    const principalAccount = iam ? r.principal.split(":")[4] : undefined;
    const found = r.resource === "*" ? undefined : plannedResourcePolicy(w, r.resource);
    const resourceAccount = r.resourceAccount ?? found?.account ?? principalAccount ?? "000000000000";
    const resourcePolicy = r.withoutControls ? undefined : (r.resourcePolicy ?? found?.policy);
    const region = r.resource.split(":")[3];
    const context: Record<string, string | string[]> = {
        "aws:SecureTransport": "true",
        // The region deny compares it; global services' ARNs carry none, and their calls go to us-east-1.
        ...(iam ? { "aws:RequestedRegion": region && region !== "*" ? region : "us-east-1" } : {}),
        ...Object.fromEntries(Object.entries(found?.tags ?? {}).map(([k, v]) => [`aws:ResourceTag/${k}`, v])),
        ...(iam && w.plans.length > 0 && principalAccount !== undefined && /^\d{12}$/.test(principalAccount) && isMember(w, principalAccount) ? { "aws:PrincipalOrgID": w.organizationId } : {}),
        ...(r.context ?? {}),
    };
    const request = {
        principal: r.principal,
        action: r.action,
        resource: r.resource,
        resourceAccount,
        context,
        identityPolicies: r.identity ?? (iam ? [ALLOW_ALL] : []),
        scps: iam && principalAccount && !r.withoutControls ? plannedScps(w, principalAccount) : [],
        orgId: w.organizationId,
    };
    if (found?.kind === "key" && resourcePolicy && !r.withoutControls) return decideKeyPolicy(JSON.parse(JSON.stringify(resourcePolicy)), request);
    return decideAs({ ...request, resourcePolicy });
}

/** Whether an account belongs to the planned organisation (a provider of some stack deploys into it). */
function isMember(w: PlannedWorld, account: string): boolean {
    return w.plans.some((p) => accountOf(p) === account);
}
