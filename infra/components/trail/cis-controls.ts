/**
 * The CIS AWS Foundations Benchmark monitoring controls (Security Hub CloudWatch.1–14, plus the
 * Organizations-changes control CIS added later) as one table: each row becomes a metric filter on
 * the organisation trail's log group, a metric, and an alarm that notifies one severity topic.
 *
 * Every `pattern` is the published text, character for character. Security Hub checks these controls
 * by "the exact audit steps prescribed" by CIS and says: "This control fails if the exact metric
 * filters prescribed by CIS are not used. Additional fields or terms cannot be added to the metric
 * filters." Sources:
 * - CloudWatch.1–14: the "Remediation" section of each control in the Security Hub User Guide,
 *   https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
 * - CIS 4.15 (no Security Hub control): CIS AWS Foundations Benchmark v1.4.0, recommendation 4.15,
 *   "Ensure a log metric filter and alarm exists for AWS Organizations changes" (remediation step).
 *
 * Where a prescribed pattern also matches events it is not about, the narrower pattern goes in
 * `additionalFilters` — its own metric filter and metric next to the prescribed one — never into
 * `pattern`. `test/support/metric-filter.ts` evaluates every pattern against the CloudTrail records in
 * `test/fixtures/cloudtrail/`.
 */
export type AlarmSeverity = "high" | "medium" | "low";

/** A narrower filter kept beside a control's prescribed one: a metric to tell real hits apart, no alarm. */
export interface AdditionalFilter {
    /** Stable id, used in resource and metric names; unique across controls and filters. */
    readonly id: string;
    /** Why the prescribed pattern is not enough on its own. */
    readonly why: string;
    readonly pattern: string;
}

export interface CisControl {
    /** Stable id, used in resource and metric names. */
    readonly id: string;
    /** Security Hub control ids (CloudWatch.N) and CIS benchmark recommendation numbers. */
    readonly controls: readonly string[];
    readonly title: string;
    /** Topic the alarm notifies. */
    readonly severity: AlarmSeverity;
    /** The published filter pattern, verbatim (see the sources above). */
    readonly pattern: string;
    /** Narrower variants, each a metric filter and metric of its own (no alarm). */
    readonly additionalFilters?: readonly AdditionalFilter[];
}

export const CIS_CONTROLS: readonly CisControl[] = [
    {
        id: "root-account-usage",
        controls: ["CloudWatch.1", "CIS 4.3"],
        title: "Root user used",
        severity: "high",
        pattern: `{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}`,
    },
    {
        id: "unauthorized-api-calls",
        controls: ["CloudWatch.2", "CIS 4.1"],
        title: "Unauthorised API calls",
        severity: "low",
        pattern: `{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}`,
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
        pattern:
            `{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ` +
            `($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ` +
            `($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ` +
            `($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}`,
    },
    {
        id: "cloudtrail-changes",
        controls: ["CloudWatch.5", "CIS 4.5"],
        title: "CloudTrail configuration changes",
        severity: "high",
        pattern: `{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}`,
    },
    {
        id: "console-authentication-failures",
        controls: ["CloudWatch.6", "CIS 4.6"],
        title: "Failed console authentication",
        severity: "medium",
        pattern: `{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}`,
    },
    {
        id: "kms-key-disable-or-deletion",
        controls: ["CloudWatch.7", "CIS 4.7"],
        title: "Customer managed key disabled or scheduled for deletion",
        severity: "high",
        pattern: `{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}`,
    },
    {
        id: "s3-bucket-policy-changes",
        controls: ["CloudWatch.8", "CIS 4.8"],
        title: "S3 bucket policy changes",
        severity: "medium",
        pattern:
            `{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ` +
            `($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ` +
            `($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}`,
    },
    {
        id: "config-changes",
        controls: ["CloudWatch.9", "CIS 4.9"],
        title: "AWS Config configuration changes",
        severity: "high",
        pattern:
            `{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ` +
            `($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}`,
    },
    {
        id: "security-group-changes",
        controls: ["CloudWatch.10", "CIS 4.10"],
        title: "Security group changes",
        severity: "low",
        pattern:
            `{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ` +
            `($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}`,
    },
    {
        id: "nacl-changes",
        controls: ["CloudWatch.11", "CIS 4.11"],
        title: "Network ACL changes",
        severity: "low",
        pattern:
            `{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ` +
            `($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}`,
    },
    {
        id: "network-gateway-changes",
        controls: ["CloudWatch.12", "CIS 4.12"],
        title: "Network gateway changes",
        severity: "medium",
        pattern:
            `{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ` +
            `($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}`,
    },
    {
        id: "route-table-changes",
        controls: ["CloudWatch.13", "CIS 4.13"],
        title: "Route table changes",
        severity: "low",
        pattern:
            `{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ` +
            `($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}`,
        additionalFilters: [
            {
                id: "route-table-changes-ec2",
                why: "API Gateway v2 and App Mesh also have CreateRoute/DeleteRoute/… calls; only ec2.amazonaws.com's change VPC route tables",
                pattern:
                    `{ ($.eventSource = "ec2.amazonaws.com") && (($.eventName = "CreateRoute") || ($.eventName = "CreateRouteTable") || ($.eventName = "ReplaceRoute") || ` +
                    `($.eventName = "ReplaceRouteTableAssociation") || ($.eventName = "DeleteRouteTable") || ($.eventName = "DeleteRoute") || ($.eventName = "DisassociateRouteTable")) }`,
            },
        ],
    },
    {
        id: "vpc-changes",
        controls: ["CloudWatch.14", "CIS 4.14"],
        title: "VPC changes",
        severity: "low",
        pattern:
            `{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ` +
            `($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ` +
            `($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}`,
    },
    {
        id: "organizations-changes",
        controls: ["CIS 4.15"],
        title: "AWS Organizations changes",
        severity: "high",
        pattern:
            `{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ` +
            `($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ` +
            `($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ` +
            `($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ` +
            `($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ` +
            `($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }`,
    },
];
