/** URNs as the Pulumi engine builds them (kept equal to the real engine's: exceptions, `check` and `audit` rely on them). */
/** The root stack resource's type: the engine leaves it out of its children's qualified types. */
export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/**
 * The URN the Pulumi engine gives a resource it registers or reads:
 * `urn:pulumi:<stack>::<project>::<qualified type>::<name>`. The qualified type is the resource's
 * type prefixed with its parent's whole qualified type and `$` — so a resource two components deep
 * carries both component types — except under the root stack resource (or with no parent), where it
 * is the type alone: `pulumi:providers:aws::acct`, `aws:s3/bucket:Bucket::logs`,
 * `lz:a:Outer$lz:b:Inner$aws:sqs/queue:Queue::q`. The parent's qualified type is the third
 * `::`-separated field of its URN (stack and project names cannot contain `::`; a name can, which is
 * why it comes last).
 */
export function resourceUrn(stack: string, project: string, parent: string, type: string, name: string): string {
    const parentType = parent ? parent.split("::")[2] : "";
    const qualified = parentType && parentType !== ROOT_STACK_TYPE ? `${parentType}$${type}` : type;
    return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}
