/**
 * Offline answers to the service lookups ordinary programs make. Deterministic ids (the same
 * arguments give the same answer) in the shapes AWS uses; where AWS publishes the true value it is
 * that value (the Elastic Load Balancing accounts). Lookups of what only the account knows (a
 * private SSM parameter, a customer key alias, a certificate's status history) are not answered here:
 * they become unknown values.
 */
import { ELB_ACCOUNT_IDS } from "../config/elb-log-writers";
import { hex, lowerAlnum as base36, uuid } from "../engine/mock-values";
import { amiLookup, type LookupContext } from "./ec2-lookups";

type Args = Record<string, unknown>;
type Answer = Record<string, unknown> | undefined;


/**
 * `aws.ssm.getParameter` of AWS's public parameters that hold image ids (`/aws/service/ami-…`,
 * `/aws/service/…/image_id`, Systems Manager User Guide, "Calling AMI public parameters"); every
 * other parameter is the account's own and unanswered.
 */
export function ssmParameterLookup(args: Args, ctx: LookupContext): Answer {
    const name = typeof args.name === "string" ? args.name : "";
    const isImage = /^\/aws\/service\/(ami-|.*\/image_id$|.*optimized-ami\/.*\/recommended\/image_id$)/.test(name);
    if (!isImage) return undefined;
    const value = amiLookup({ filters: [{ name: "name", values: [name.split("/").pop()!] }] }, ctx).id as string;
    return {
        id: name,
        name,
        arn: `arn:${ctx.partition}:ssm:${ctx.region}::parameter${name}`,
        type: "String",
        value,
        insecureValue: value,
        version: 1,
        withDecryption: args.withDecryption ?? true,
    };
}

/** `aws.elb.getServiceAccount`: the regional Elastic Load Balancing account AWS documents; none in newer regions. */
export function elbServiceAccountLookup(args: Args, ctx: LookupContext): Answer {
    const region = (typeof args.region === "string" && args.region) || ctx.region;
    const id = ELB_ACCOUNT_IDS[region];
    return id ? { id, arn: `arn:${ctx.partition}:iam::${id}:root`, region } : undefined;
}

/** `aws.organizations.getOrganization`: an organisation whose management account is the caller's. */
export function organizationLookup(_args: Args, ctx: LookupContext): Answer {
    const id = `o-${base36(`org|${ctx.account}`, 10)}`;
    const rootId = `r-${base36(`root|${ctx.account}`, 4)}`;
    const arn = (resource: string) => `arn:${ctx.partition}:organizations::${ctx.account}:${resource}`;
    const account = { id: ctx.account, arn: arn(`account/${id}/${ctx.account}`), email: `aws+${ctx.account}@example.com`, name: "management", status: "ACTIVE", state: "ACTIVE" };
    return {
        id,
        arn: arn(`organization/${id}`),
        featureSet: "ALL",
        masterAccountId: ctx.account,
        masterAccountArn: account.arn,
        masterAccountEmail: account.email,
        masterAccountName: account.name,
        awsServiceAccessPrincipals: [],
        enabledPolicyTypes: ["SERVICE_CONTROL_POLICY"],
        roots: [{ id: rootId, name: "Root", arn: arn(`root/${id}/${rootId}`), policyTypes: [{ status: "ENABLED", type: "SERVICE_CONTROL_POLICY" }] }],
        accounts: [account],
        nonMasterAccounts: [],
    };
}

/** `aws.route53.getZone` by name or id: a hosted zone with a Route 53 delegation set. */
export function zoneLookup(args: Args, ctx: LookupContext): Answer {
    const name = typeof args.name === "string" ? args.name.replace(/\.$/, "") : undefined;
    const given = typeof args.zoneId === "string" ? args.zoneId : undefined;
    if (!name && !given) return undefined;
    const seed = `zone|${ctx.account}|${name ?? given}|${args.privateZone === true}`;
    const zoneId = given ?? `Z0${base36(seed, 19).toUpperCase()}`;
    const n = parseInt(hex(`${seed}|ns`, 8), 16);
    const nameServers = ["com", "net", "org", "co.uk"].map((tld, i) => `ns-${(n + i * 512) % 2048}.awsdns-${String((n + i) % 64).padStart(2, "0")}.${tld}`);
    return {
        id: zoneId,
        zoneId,
        name: name ?? `zone-${zoneId.toLowerCase()}.example.com`,
        arn: `arn:${ctx.partition}:route53:::hostedzone/${zoneId}`,
        callerReference: uuid(seed),
        comment: "",
        nameServers,
        primaryNameServer: nameServers[0],
        privateZone: args.privateZone === true,
        resourceRecordSetCount: 2,
        linkedServiceDescription: "",
        linkedServicePrincipal: "",
        tags: args.tags ?? {},
        ...(args.vpcId ? { vpcId: args.vpcId } : {}),
    };
}

/** `aws.acm.getCertificate` by domain: an issued certificate in the caller's account and region. */
export function certificateLookup(args: Args, ctx: LookupContext): Answer {
    const domain = typeof args.domain === "string" ? args.domain : undefined;
    if (!domain) return undefined;
    const arn = `arn:${ctx.partition}:acm:${ctx.region}:${ctx.account}:certificate/${uuid(`cert|${ctx.account}|${ctx.region}|${domain}`)}`;
    return { id: arn, arn, domain, status: "ISSUED", statuses: args.statuses ?? [], keyTypes: args.keyTypes ?? [], types: args.types ?? [], mostRecent: args.mostRecent ?? false, certificate: "", certificateChain: "", tags: {} };
}

/** `aws.kms.getAlias` of an AWS managed key (`alias/aws/<service>`); customer aliases are unanswered. */
export function kmsAliasLookup(args: Args, ctx: LookupContext): Answer {
    const name = typeof args.name === "string" ? args.name : "";
    if (!name.startsWith("alias/aws/")) return undefined;
    const keyId = uuid(`aws-managed-key|${ctx.account}|${ctx.region}|${name}`);
    return {
        id: `arn:${ctx.partition}:kms:${ctx.region}:${ctx.account}:${name}`,
        arn: `arn:${ctx.partition}:kms:${ctx.region}:${ctx.account}:${name}`,
        name,
        targetKeyId: keyId,
        targetKeyArn: `arn:${ctx.partition}:kms:${ctx.region}:${ctx.account}:key/${keyId}`,
    };
}

/** `aws.getArn`: the parts of an ARN (pure parsing). */
export function arnLookup(args: Args): Answer {
    const arn = typeof args.arn === "string" ? args.arn : "";
    const m = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/.exec(arn);
    return m ? { id: arn, arn, partition: m[1], service: m[2], region: m[3], account: m[4], resource: m[5] } : undefined;
}
