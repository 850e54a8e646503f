/**
 * A structural check of CloudFormation templates, for the templates the landing zone generates: the
 * template anatomy (AWS CloudFormation User Guide, "Template anatomy"), resource attributes, the
 * properties of the resource types used (Template Reference, AWS::IAM::Role: RoleName at most 64
 * characters, MaxSessionDuration 3,600-43,200 seconds, Policies of PolicyName and PolicyDocument),
 * and that every `Ref`, `Fn::GetAtt` and `Fn::Sub` reference resolves to a parameter, a resource (and
 * one of its attributes) or a pseudo parameter. A type it does not know is a problem, so a new
 * resource type cannot slip through unchecked.
 */
const TOP_LEVEL = ["AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings", "Conditions", "Transform", "Outputs", "Resources"];
const RESOURCE_ATTRIBUTES = ["Type", "Properties", "DependsOn", "DeletionPolicy", "UpdateReplacePolicy", "Condition", "Metadata", "CreationPolicy", "UpdatePolicy"];
const DELETION_POLICIES = ["Delete", "Retain", "RetainExceptOnCreate", "Snapshot"];
const PSEUDO = ["AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix"];
const INTRINSICS = ["Ref", "Fn::GetAtt", "Fn::Sub", "Fn::Join", "Fn::If", "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Fn::Select", "Fn::Split", "Fn::FindInMap", "Fn::ImportValue", "Fn::Base64", "Fn::GetAZs", "Fn::Cidr"];

interface TypeSpec {
    readonly required: readonly string[];
    readonly optional: readonly string[];
    readonly attributes: readonly string[];
    readonly check?: (props: Record<string, unknown>, at: string) => string[];
}

const TYPES: Record<string, TypeSpec> = {
    "AWS::IAM::Role": {
        required: ["AssumeRolePolicyDocument"],
        optional: ["Description", "ManagedPolicyArns", "MaxSessionDuration", "Path", "PermissionsBoundary", "Policies", "RoleName", "Tags"],
        attributes: ["Arn", "RoleId"],
        check: (p, at) => {
            const out: string[] = [];
            if (p.RoleName !== undefined && (typeof p.RoleName !== "string" || !/^[\w+=,.@-]{1,64}$/.test(p.RoleName))) out.push(`${at}.RoleName: ${JSON.stringify(p.RoleName)} is not an IAM role name`);
            const d = p.MaxSessionDuration;
            if (d !== undefined && (typeof d !== "number" || !Number.isInteger(d) || d < 3600 || d > 43200)) out.push(`${at}.MaxSessionDuration: ${JSON.stringify(d)} is outside 3600-43200`);
            for (const [i, pol] of ((p.Policies as Record<string, unknown>[] | undefined) ?? []).entries()) {
                if (typeof pol.PolicyName !== "string" || typeof pol.PolicyDocument !== "object") out.push(`${at}.Policies[${i}]: needs PolicyName and PolicyDocument`);
            }
            return out;
        },
    },
};

export function cloudFormationProblems(template: unknown): string[] {
    const problems: string[] = [];
    const t = template as Record<string, any>;
    for (const k of Object.keys(t)) if (!TOP_LEVEL.includes(k)) problems.push(`${k}: not a template section`);
    if (t.AWSTemplateFormatVersion !== undefined && t.AWSTemplateFormatVersion !== "2010-09-09") problems.push(`AWSTemplateFormatVersion: ${JSON.stringify(t.AWSTemplateFormatVersion)} is not 2010-09-09`);
    const resources = (t.Resources ?? {}) as Record<string, any>;
    const parameters = Object.keys(t.Parameters ?? {});
    if (Object.keys(resources).length === 0) problems.push("Resources: a template needs at least one resource");
    for (const [id, r] of Object.entries(resources)) {
        const at = `Resources.${id}`;
        if (!/^[A-Za-z0-9]+$/.test(id)) problems.push(`${at}: logical ids are alphanumeric`);
        for (const k of Object.keys(r)) if (!RESOURCE_ATTRIBUTES.includes(k)) problems.push(`${at}.${k}: not a resource attribute`);
        if (r.DeletionPolicy !== undefined && !DELETION_POLICIES.includes(r.DeletionPolicy)) problems.push(`${at}.DeletionPolicy: ${JSON.stringify(r.DeletionPolicy)}`);
        if (r.UpdateReplacePolicy !== undefined && !DELETION_POLICIES.includes(r.UpdateReplacePolicy)) problems.push(`${at}.UpdateReplacePolicy: ${JSON.stringify(r.UpdateReplacePolicy)}`);
        const spec = TYPES[r.Type];
        if (!spec) {
            problems.push(`${at}.Type: ${JSON.stringify(r.Type)} is not a type this check knows`);
            continue;
        }
        const props = (r.Properties ?? {}) as Record<string, unknown>;
        for (const req of spec.required) if (props[req] === undefined) problems.push(`${at}.Properties.${req}: required`);
        for (const k of Object.keys(props)) if (!spec.required.includes(k) && !spec.optional.includes(k)) problems.push(`${at}.Properties.${k}: not a property of ${r.Type}`);
        problems.push(...(spec.check?.(props, `${at}.Properties`) ?? []));
        for (const dep of [r.DependsOn ?? []].flat()) if (!(dep in resources)) problems.push(`${at}.DependsOn: ${dep} is not a resource`);
    }
    const resolves = (name: string) => PSEUDO.includes(name) || parameters.includes(name) || name in resources;
    const attributeOf = (res: string, attr: string) => res in resources && (TYPES[resources[res].Type]?.attributes ?? []).includes(attr);
    const walk = (v: unknown, at: string): void => {
        if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${at}[${i}]`));
        if (v === null || typeof v !== "object") return;
        const o = v as Record<string, unknown>;
        const keys = Object.keys(o);
        if (keys.length === 1 && (keys[0] === "Ref" || keys[0].startsWith("Fn::"))) {
            const [fn] = keys;
            const arg = o[fn];
            if (!INTRINSICS.includes(fn)) problems.push(`${at}: ${fn} is not an intrinsic function`);
            if (fn === "Ref" && (typeof arg !== "string" || !resolves(arg))) problems.push(`${at}: Ref ${JSON.stringify(arg)} resolves to nothing`);
            if (fn === "Fn::GetAtt") {
                const [res, attr] = Array.isArray(arg) ? arg : String(arg).split(".");
                if (!attributeOf(String(res), String(attr))) problems.push(`${at}: Fn::GetAtt ${res}.${attr} resolves to nothing`);
            }
            if (fn === "Fn::Sub") {
                const text = Array.isArray(arg) ? String(arg[0]) : String(arg);
                const vars = Array.isArray(arg) ? Object.keys((arg[1] ?? {}) as object) : [];
                for (const m of text.matchAll(/\$\{([^!}][^}]*)\}/g)) {
                    const [res, attr] = m[1].split(".");
                    const ok = vars.includes(m[1]) || (attr === undefined ? resolves(res) : attributeOf(res, attr));
                    if (!ok) problems.push(`${at}: Fn::Sub \${${m[1]}} resolves to nothing`);
                }
            }
            return walk(arg, `${at}.${fn}`);
        }
        for (const [k, x] of Object.entries(o)) walk(x, `${at}.${k}`);
    };
    walk(t.Resources, "Resources");
    walk(t.Outputs, "Outputs");
    for (const [id, out] of Object.entries((t.Outputs ?? {}) as Record<string, any>)) if (out.Value === undefined) problems.push(`Outputs.${id}.Value: required`);
    return problems;
}
