/**
 * Optional guardrail: deny every request aimed at a region the organisation has not enabled.
 * Global services (single endpoint, usually us-east-1) are exempt, following the exemption list
 * AWS Control Tower documents for its region-deny control, trimmed to services that still exist.
 */
import type { OrgModel } from "../config/model";
import { unlessExempt } from "./scp-common";
import { policyDocument, type PolicyDocument } from "./types";

/** Actions of global services and global read APIs that must work whatever region a request names. */
export const GLOBAL_SERVICE_ACTIONS = [
    "access-analyzer:*",
    "account:*",
    "acm:*",
    "artifact:*",
    "aws-marketplace-management:*",
    "aws-marketplace:*",
    "aws-portal:*",
    "billing:*",
    "budgets:*",
    "ce:*",
    "chatbot:*",
    "cloudfront:*",
    "cloudtrail:LookupEvents",
    "compute-optimizer:*",
    "config:*",
    "cur:*",
    "directconnect:*",
    "ec2:DescribeRegions",
    "ec2:DescribeTransitGateways",
    "ec2:DescribeVpnGateways",
    "fms:*",
    "globalaccelerator:*",
    "health:*",
    "iam:*",
    "importexport:*",
    "kms:*",
    "license-manager:*",
    "networkmanager:*",
    "organizations:*",
    "pricing:*",
    "route53:*",
    "route53domains:*",
    "route53-recovery-cluster:*",
    "route53-recovery-control-config:*",
    "route53-recovery-readiness:*",
    "s3:GetAccountPublic*",
    "s3:ListAllMyBuckets",
    "s3:ListMultiRegionAccessPoints",
    "s3:PutAccountPublic*",
    "savingsplans:*",
    "shield:*",
    "sso:*",
    "sts:*",
    "support:*",
    "supportapp:*",
    "supportplans:*",
    "sustainability:*",
    "tag:GetResources",
    "trustedadvisor:*",
    "waf-regional:*",
    "waf:*",
    "wafv2:*",
    "wellarchitected:*",
];

export function regionDenyScp(org: OrgModel): PolicyDocument {
    return policyDocument([
        {
            Sid: "DenyOutsideEnabledRegions",
            Effect: "Deny",
            NotAction: GLOBAL_SERVICE_ACTIONS,
            Resource: "*",
            Condition: { ...unlessExempt(org), StringNotEquals: { "aws:RequestedRegion": [...org.regions] } },
        },
    ]);
}
