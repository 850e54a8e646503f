import { accountAdministersKey, denyKeyDestruction, LOGS_KEY_USE_ACTIONS, READER_ACTIONS, securityReadersDecrypt } from "./statements";
import { policyDocument, type PolicyDocument, type Statement } from "./types";

/** What a service needs to encrypt new objects under SSE-KMS. */
export const SERVICE_ENCRYPT_ACTIONS = ["kms:GenerateDataKey*", "kms:Encrypt"] as const;

export interface ArchiveKeyPolicyArgs {
    /** `arn:<partition>:iam::<log-archive>:root`, the key's administrator. */
    readonly accountRootArn: string;
    readonly logArchiveAccountId: string;
    readonly organizationId: string;
    /**
     * The organisation's accounts whose flow logs and AWS Config deliveries the key encrypts
     * (`aws:SourceAccount`): Config, delivering as its service principal, works with no organisation
     * condition (AWS Config Developer Guide, "Permissions for the Amazon S3 Bucket").
     */
    readonly accountIds: readonly string[];
    readonly securityAccountId: string;
    /** Organisation trail ARN (management-account form), bound through CloudTrail's encryption context. */
    readonly trailArn: string;
    /** Deployment and break-glass roles: the only principals that may disable, delete or re-policy the key. */
    readonly exemptRoleArns: readonly string[];
    /** Roles of the security account that decrypt archived logs (the investigator). */
    readonly readerRoleArns: readonly string[];
    readonly principals: { readonly cloudTrail: string; readonly logDelivery: string; readonly guardDuty: string; readonly config: string; readonly logs: string };
    /** `arn:<partition>:guardduty`. */
    readonly guardDutyArnPrefix: string;
    /** `arn:<partition>:logs:<home region>:<log-archive>` — log groups of this account the key may encrypt. */
    readonly logsArnPrefix: string;
    /**
     * The scheduled integrity validation's role (security account), which decrypts the trail's files
     * through S3 (`viaService`: `s3.<home region>.amazonaws.com`).
     * @default undefined (no such grant)
     */
    readonly integrityValidator?: { readonly roleArn: string; readonly viaService: string };
}

/**
 * Key of the archive (and of the Config staging bucket). The account administers it, so IAM in the
 * account stays in control (this account's replication and delivery roles get key use from their
 * identity policies); only the exempt roles may destroy or re-policy it. Each service may
 * encrypt for this organisation only; the security account's readers may decrypt.
 */
export function archiveKeyPolicy(a: ArchiveKeyPolicyArgs): PolicyDocument {
    const detectors = `${a.guardDutyArnPrefix}:*:${a.securityAccountId}:detector/*`;
    return policyDocument([
        accountAdministersKey(a.accountRootArn),
        denyKeyDestruction(a.exemptRoleArns),
        {
            Sid: "CloudTrailEncryptsOrganizationTrail",
            Effect: "Allow",
            Principal: { Service: a.principals.cloudTrail },
            Action: "kms:GenerateDataKey*",
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceArn": a.trailArn, "kms:EncryptionContext:aws:cloudtrail:arn": a.trailArn } },
        },
        {
            Sid: "CloudTrailDescribesKey",
            Effect: "Allow",
            Principal: { Service: a.principals.cloudTrail },
            Action: "kms:DescribeKey",
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceArn": a.trailArn } },
        },
        {
            Sid: "FlowLogsEncrypt",
            Effect: "Allow",
            Principal: { Service: a.principals.logDelivery },
            Action: [...SERVICE_ENCRYPT_ACTIONS, "kms:Decrypt"],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": [...a.accountIds] } },
        },
        {
            Sid: "ConfigEncrypts",
            Effect: "Allow",
            Principal: { Service: a.principals.config },
            Action: [...SERVICE_ENCRYPT_ACTIONS, "kms:Decrypt"],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": [...a.accountIds] } },
        },
        {
            Sid: "GuardDutyEncrypts",
            Effect: "Allow",
            Principal: { Service: a.principals.guardDuty },
            Action: "kms:GenerateDataKey",
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": a.securityAccountId }, ArnLike: { "aws:SourceArn": detectors } },
        },
        {
            Sid: "LogsEncryptsOwnLogGroups",
            Effect: "Allow",
            Principal: { Service: a.principals.logs },
            Action: [...LOGS_KEY_USE_ACTIONS],
            Resource: "*",
            Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `${a.logsArnPrefix}:log-group:*` } },
        },
        securityReadersDecrypt(a.readerRoleArns, a.securityAccountId),
        ...(a.integrityValidator ? [integrityValidatorDecrypts(a.integrityValidator, a.securityAccountId, a.accountRootArn.split(":")[1])] : []),
    ]);
}

/**
 * The integrity validation decrypts through S3 only. The grant names the security account and the
 * role's ARN in a condition, not the role as principal: a key policy naming a role that does not
 * exist yet is refused (the security stack creates the role after this one), and a recreated role
 * keeps the grant.
 */
function integrityValidatorDecrypts(v: { readonly roleArn: string; readonly viaService: string }, securityAccountId: string, partition: string): Statement {
    return {
        Sid: "IntegrityValidatorDecrypts",
        Effect: "Allow",
        Principal: { AWS: `arn:${partition}:iam::${securityAccountId}:root` },
        Action: [...READER_ACTIONS],
        Resource: "*",
        Condition: { ArnEquals: { "aws:PrincipalArn": v.roleArn }, StringEquals: { "kms:CallerAccount": securityAccountId, "kms:ViaService": v.viaService } },
    };
}
