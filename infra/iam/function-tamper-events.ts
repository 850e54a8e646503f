/**
 * The calls `scp-protect-functions.ts` denies on the landing zone's functions, as CloudTrail records
 * them: Lambda's event names carry the API version after the action (`UpdateFunctionConfiguration20150331v2`,
 * `PutFunctionConcurrency20171031`), so the patterns match each action name as a prefix. One list
 * for the guardrail, the forwarding and the routing.
 */
import { FUNCTION_TAMPER_ACTIONS } from "./scp-protect-functions";

/** `detail` of a CloudTrail record of a tampering call on a function named `<prefix>-…` (by name or ARN). */
export function functionTamperingDetail(namePrefix: string): Record<string, unknown> {
    return {
        eventSource: ["lambda.amazonaws.com"],
        eventName: FUNCTION_TAMPER_ACTIONS.map((a) => ({ prefix: a.split(":")[1] })),
        // Most calls name the function (by name or ARN); the resource-policy calls name its ARN as `resourceArn`.
        requestParameters: {
            $or: [{ functionName: [{ prefix: `${namePrefix}-` }, { wildcard: `*:function:${namePrefix}-*` }] }, { resourceArn: [{ wildcard: `*:function:${namePrefix}-*` }] }],
        },
    };
}
