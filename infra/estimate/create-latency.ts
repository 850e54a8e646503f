/**
 * Seconds `pulumi up` typically spends creating one resource of a type: the AWS call plus the
 * provider's wait for the resource to be usable (the waiters of the Terraform AWS provider that
 * pulumi-aws wraps: a Firehose stream until ACTIVE, an Inspector enabler until ENABLED, an
 * organisation conformance pack until every account has it). Orders of magnitude from those waiters
 * and AWS's documented behaviour, not measurements of this landing zone; a type not listed takes
 * DEFAULT_CREATE_SECONDS. An adopted resource (`import`) is read, not created: IMPORT_SECONDS.
 */
export const CREATE_SECONDS: Readonly<Record<string, number>> = {
    "pulumi:providers:aws": 1,
    "aws:organizations/organization:Organization": 10,
    "aws:organizations/account:Account": 300,
    "aws:organizations/organizationalUnit:OrganizationalUnit": 3,
    "aws:organizations/delegatedAdministrator:DelegatedAdministrator": 5,
    "aws:account/region:Region": 900,
    "aws:iam/role:Role": 5,
    "aws:iam/serviceLinkedRole:ServiceLinkedRole": 5,
    "aws:kms/key:Key": 10,
    "aws:s3/bucket:Bucket": 4,
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig": 4,
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": 60,
    "aws:cloudtrail/trail:Trail": 10,
    "aws:guardduty/organizationAdminAccount:OrganizationAdminAccount": 15,
    "aws:securityhub/account:Account": 10,
    "aws:securityhub/organizationAdminAccount:OrganizationAdminAccount": 20,
    "aws:securityhub/organizationConfiguration:OrganizationConfiguration": 20,
    "aws:securityhub/configurationPolicy:ConfigurationPolicy": 10,
    "aws:securityhub/configurationPolicyAssociation:ConfigurationPolicyAssociation": 30,
    "aws:inspector2/enabler:Enabler": 60,
    "aws:inspector2/delegatedAdminAccount:DelegatedAdminAccount": 30,
    "aws:macie2/organizationAdminAccount:OrganizationAdminAccount": 10,
    "aws:detective/organizationAdminAccount:OrganizationAdminAccount": 10,
    "aws:accessanalyzer/analyzer:Analyzer": 10,
    "aws:cfg/organizationConformancePack:OrganizationConformancePack": 180,
    "aws:cfg/recorder:Recorder": 3,
    "aws:cfg/deliveryChannel:DeliveryChannel": 3,
    "aws:cfg/recorderStatus:RecorderStatus": 3,
    "aws:cloudwatch/eventArchive:EventArchive": 5,
    "aws:cloudwatch/logDestination:LogDestination": 3,
    "aws:sqs/queue:Queue": 5,
    "aws:lambda/function:Function": 15,
    "aws:dynamodb/table:Table": 20,
    "aws:cloudformation/stack:Stack": 60,
    "aws:cloudformation/stackSet:StackSet": 30,
    "aws:cloudformation/stackSetInstance:StackSetInstance": 120,
    "aws:cloudformation/stackInstances:StackInstances": 120,
};
/** Any other AWS resource: one or two API calls. */
export const DEFAULT_CREATE_SECONDS = 2;
/** Reading an existing resource to adopt it. */
export const IMPORT_SECONDS = 1;

/** Seconds to create (or adopt) one resource; components and the stack take none. */
export function createSeconds(type: string, o: { custom: boolean; imported: boolean }): number {
    if (!o.custom) return 0;
    if (o.imported) return IMPORT_SECONDS;
    return CREATE_SECONDS[type] ?? DEFAULT_CREATE_SECONDS;
}
