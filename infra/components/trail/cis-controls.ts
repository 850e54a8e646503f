/**
 * The CIS AWS Foundations Benchmark monitoring controls (Security Hub CloudWatch.1–14, plus the
 * Organizations-changes control CIS added later) as one table: each row becomes a metric filter on
 * the organisation trail's log group, a metric, and an alarm that notifies one severity topic.
 * Patterns use CloudWatch Logs JSON filter syntax; `test/support/metric-filter.ts` evaluates them
 * against the CloudTrail records in `test/fixtures/cloudtrail/`.
 */
export type AlarmSeverity = "high" | "medium" | "low";

export interface CisControl {
    /** Stable id, used in resource and metric names. */
    readonly id: string;
    /** Security Hub control ids (CloudWatch.N) and CIS benchmark recommendation numbers. */
    readonly controls: readonly string[];
    readonly title: string;
    /** Topic the alarm notifies. */
    readonly severity: AlarmSeverity;
    readonly pattern: string;
}

/** `($.eventName = "A") || ($.eventName = "B") ...`. */
function anyEventName(names: readonly string[]): string {
    return names.map((n) => `($.eventName = "${n}")`).join(" || ");
}

/** Any of the named calls made to one service. */
function serviceCalls(eventSource: string, names: readonly string[]): string {
    return `{ ($.eventSource = "${eventSource}") && (${anyEventName(names)}) }`;
}

export const CIS_CONTROLS: readonly CisControl[] = [
    {
        id: "root-account-usage",
        controls: ["CloudWatch.1", "CIS 4.3"],
        title: "Root user used",
        severity: "high",
        pattern: `{ ($.userIdentity.type = "Root") && ($.userIdentity.invokedBy NOT EXISTS) && ($.eventType != "AwsServiceEvent") }`,
    },
    {
        id: "unauthorized-api-calls",
        controls: ["CloudWatch.2", "CIS 4.1"],
        title: "Unauthorised API calls",
        severity: "low",
        pattern: `{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }`,
    },
    {
        id: "console-signin-without-mfa",
        controls: ["CloudWatch.3", "CIS 4.2"],
        title: "Console sign-in of an IAM user without MFA",
        severity: "high",
        pattern: `{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }`,
    },
    {
        id: "iam-policy-changes",
        controls: ["CloudWatch.4", "CIS 4.4"],
        title: "IAM policy changes",
        severity: "medium",
        pattern: `{ ${anyEventName([
            "DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy", "PutRolePolicy", "PutUserPolicy",
            "CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion",
            "AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy", "DetachUserPolicy", "AttachGroupPolicy", "DetachGroupPolicy",
        ])} }`,
    },
    {
        id: "cloudtrail-changes",
        controls: ["CloudWatch.5", "CIS 4.5"],
        title: "CloudTrail configuration changes",
        severity: "high",
        pattern: `{ ${anyEventName(["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"])} }`,
    },
    {
        id: "console-authentication-failures",
        controls: ["CloudWatch.6", "CIS 4.6"],
        title: "Failed console authentication",
        severity: "medium",
        pattern: `{ ($.eventName = "ConsoleLogin") && ($.errorMessage = "Failed authentication") }`,
    },
    {
        id: "kms-key-disable-or-deletion",
        controls: ["CloudWatch.7", "CIS 4.7"],
        title: "Customer managed key disabled or scheduled for deletion",
        severity: "high",
        pattern: serviceCalls("kms.amazonaws.com", ["DisableKey", "ScheduleKeyDeletion"]),
    },
    {
        id: "s3-bucket-policy-changes",
        controls: ["CloudWatch.8", "CIS 4.8"],
        title: "S3 bucket policy changes",
        severity: "medium",
        pattern: serviceCalls("s3.amazonaws.com", [
            "PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle", "PutBucketReplication",
            "DeleteBucketPolicy", "DeleteBucketCors", "DeleteBucketLifecycle", "DeleteBucketReplication",
        ]),
    },
    {
        id: "config-changes",
        controls: ["CloudWatch.9", "CIS 4.9"],
        title: "AWS Config configuration changes",
        severity: "high",
        pattern: serviceCalls("config.amazonaws.com", ["StopConfigurationRecorder", "DeleteDeliveryChannel", "PutDeliveryChannel", "PutConfigurationRecorder"]),
    },
    {
        id: "security-group-changes",
        controls: ["CloudWatch.10", "CIS 4.10"],
        title: "Security group changes",
        severity: "low",
        pattern: `{ ${anyEventName([
            "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress",
            "CreateSecurityGroup", "DeleteSecurityGroup",
        ])} }`,
    },
    {
        id: "nacl-changes",
        controls: ["CloudWatch.11", "CIS 4.11"],
        title: "Network ACL changes",
        severity: "low",
        pattern: `{ ${anyEventName([
            "CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry", "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation",
        ])} }`,
    },
    {
        id: "network-gateway-changes",
        controls: ["CloudWatch.12", "CIS 4.12"],
        title: "Network gateway changes",
        severity: "medium",
        pattern: `{ ${anyEventName([
            "CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway", "CreateInternetGateway", "DeleteInternetGateway", "DetachInternetGateway",
        ])} }`,
    },
    {
        id: "route-table-changes",
        controls: ["CloudWatch.13", "CIS 4.13"],
        title: "Route table changes",
        severity: "low",
        pattern: serviceCalls("ec2.amazonaws.com", [
            "CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation", "DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable",
        ]),
    },
    {
        id: "vpc-changes",
        controls: ["CloudWatch.14", "CIS 4.14"],
        title: "VPC changes",
        severity: "low",
        pattern: `{ ${anyEventName([
            "CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection", "CreateVpcPeeringConnection", "DeleteVpcPeeringConnection",
            "RejectVpcPeeringConnection", "AttachClassicLinkVpc", "DetachClassicLinkVpc", "DisableVpcClassicLink", "EnableVpcClassicLink",
        ])} }`,
    },
    {
        id: "organizations-changes",
        controls: ["CIS 4.15"],
        title: "AWS Organizations changes",
        severity: "high",
        pattern: serviceCalls("organizations.amazonaws.com", [
            "AcceptHandshake", "AttachPolicy", "CreateAccount", "CreateOrganizationalUnit", "CreatePolicy", "DeclineHandshake",
            "DeleteOrganization", "DeleteOrganizationalUnit", "DeletePolicy", "DetachPolicy", "DisablePolicyType", "EnablePolicyType",
            "InviteAccountToOrganization", "LeaveOrganization", "MoveAccount", "RemoveAccountFromOrganization", "UpdatePolicy", "UpdateOrganizationalUnit",
        ]),
    },
];
