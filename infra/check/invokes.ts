/**
 * Answers to the data-source functions ordinary programs call, so `check` can run programs written
 * for a real account: caller identity, region, partition, availability zones, IAM policy documents
 * rendered to the provider's JSON, machine images and AWS's public image parameters, the default VPC
 * and its subnets, the Elastic Load Balancing account, the organisation, hosted zones, certificates,
 * AWS managed key aliases, ARN parsing. Answers are deterministic and shaped like the provider's.
 *
 * A function it does not answer (or arguments it cannot answer for: the account's own VPCs,
 * parameters, keys) returns undefined: the engine then answers the call as unknown, as a preview
 * treats a value nobody knows yet, and the report lists it. A made-up answer could hide a violation.
 */
import type { InvokeHandler } from "../engine/monitor";
import { amiLookup, AZ_SUFFIXES, subnetsLookup, vpcLookup, zoneIds, type LookupContext } from "./ec2-lookups";
import { renderPolicyDocument } from "./policy-document";
import {
    arnLookup,
    certificateLookup,
    elbServiceAccountLookup,
    kmsAliasLookup,
    organizationLookup,
    ssmParameterLookup,
    zoneLookup,
} from "./service-lookups";

export { renderPolicyDocument };

type Args = Record<string, unknown>;
type Lookup = (args: Args, ctx: LookupContext) => Record<string, unknown> | undefined;

function regionOf(args: Args, ctx: LookupContext): string {
    return (typeof args.region === "string" && args.region) || (typeof args.name === "string" && args.name) || ctx.region;
}

const identity: Lookup = (_args, ctx) => ({
    accountId: ctx.account,
    arn: `arn:${ctx.partition}:iam::${ctx.account}:user/check`,
    userId: "AIDACHECKOFFLINE00000",
    id: ctx.account,
});

const region: Lookup = (args, ctx) => {
    const r = regionOf(args, ctx);
    return { name: r, region: r, id: r, description: r, endpoint: `ec2.${r}.amazonaws.com` };
};

const partition: Lookup = (_args, ctx) => ({
    partition: ctx.partition,
    id: ctx.partition,
    dnsSuffix: ctx.partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com",
    reverseDnsPrefix: ctx.partition === "aws-cn" ? "cn.com.amazonaws" : "com.amazonaws",
});

const availabilityZones: Lookup = (args, ctx) => {
    const r = (typeof args.region === "string" && args.region) || ctx.region;
    return { id: r, region: r, names: AZ_SUFFIXES.map((s) => `${r}${s}`), zoneIds: zoneIds(r), groupNames: [r], state: (args.state as string | undefined) ?? "available" };
};

/** Source and override documents merge by Sid in the provider; not rendered offline, so unanswered. */
const policyDocument: Lookup = (args) => {
    if ([args.sourcePolicyDocuments, args.overridePolicyDocuments, args.sourceJson, args.overrideJson].some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0))) return undefined;
    const json = renderPolicyDocument(args);
    return { id: String(json.length), json, minifiedJson: JSON.stringify(JSON.parse(json)) };
};

/** Answers by function token (the same tokens in @pulumi/aws v6 and v7). */
export const LOOKUPS: Readonly<Record<string, Lookup>> = {
    "aws:index/getCallerIdentity:getCallerIdentity": identity,
    "aws:index/getRegion:getRegion": region,
    "aws:index/getPartition:getPartition": partition,
    "aws:index/getAvailabilityZones:getAvailabilityZones": availabilityZones,
    "aws:index/getArn:getArn": arnLookup,
    "aws:iam/getPolicyDocument:getPolicyDocument": policyDocument,
    "aws:ec2/getAmi:getAmi": amiLookup,
    "aws:ec2/getVpc:getVpc": vpcLookup,
    "aws:ec2/getSubnets:getSubnets": subnetsLookup,
    "aws:ec2/getSubnetIds:getSubnetIds": subnetsLookup,
    "aws:ssm/getParameter:getParameter": ssmParameterLookup,
    "aws:elb/getServiceAccount:getServiceAccount": elbServiceAccountLookup,
    "aws:organizations/getOrganization:getOrganization": organizationLookup,
    "aws:route53/getZone:getZone": zoneLookup,
    "aws:acm/getCertificate:getCertificate": certificateLookup,
    "aws:kms/getAlias:getAlias": kmsAliasLookup,
};

/** The invoke answers `check` gives; undefined for a function (or arguments) it cannot answer offline. */
export const checkInvokes: InvokeHandler = (token, args, ctx) => LOOKUPS[token]?.(args, ctx);
