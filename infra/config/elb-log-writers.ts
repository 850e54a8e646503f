/**
 * Who writes Elastic Load Balancing access logs into a bucket, by region. A load balancer delivers
 * only to a bucket in its own region, as one of two writers (Elastic Load Balancing user guides,
 * "Enable access logs", step "Attach a policy to your S3 bucket"):
 *
 * - Regions available before August 2022: the regional Elastic Load Balancing account
 *   (`arn:<partition>:iam::<elb-account-id>:root`). The table below is AWS's documented list
 *   (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html,
 *   the same table `aws.elb.getServiceAccount` answers from). It is static so that offline plans work
 *   (`getServiceAccount` is an invoke) and is never extended: AWS assigns no account to newer regions.
 * - Regions available as of August 2022: the service principal
 *   `logdelivery.elasticloadbalancing.amazonaws.com`.
 *
 * A region in neither list (a new region, an ISO partition) is an error, not a guess: classify it
 * here after checking the AWS page. Network Load Balancers (TLS listener logs) deliver through
 * CloudWatch vended-log delivery (`delivery.logs.amazonaws.com`) in every region instead.
 */
import type { RegionInfo } from "./regions";

/** Regional Elastic Load Balancing account ids, regions available before August 2022. */
export const ELB_ACCOUNT_IDS: Readonly<Record<string, string>> = {
    "us-east-1": "127311923021",
    "us-east-2": "033677994240",
    "us-west-1": "027434742980",
    "us-west-2": "797873946194",
    "af-south-1": "098369216593",
    "ap-east-1": "754344448648",
    "ap-south-1": "718504428378",
    "ap-northeast-1": "582318560864",
    "ap-northeast-2": "600734575887",
    "ap-northeast-3": "383597477331",
    "ap-southeast-1": "114774131450",
    "ap-southeast-2": "783225319266",
    "ap-southeast-3": "589379963580",
    "ca-central-1": "985666609251",
    "eu-central-1": "054676820928",
    "eu-west-1": "156460612806",
    "eu-west-2": "652711504416",
    "eu-west-3": "009996457667",
    "eu-south-1": "635631232127",
    "eu-north-1": "897822967062",
    "me-south-1": "076674570225",
    "sa-east-1": "507241528517",
    "us-gov-west-1": "048591011584",
    "us-gov-east-1": "190560391635",
    "cn-north-1": "638102146993",
    "cn-northwest-1": "037604701340",
};

/** Regions available as of August 2022, where the `logdelivery.elasticloadbalancing` service principal writes. */
export const ELB_SERVICE_PRINCIPAL_REGIONS: readonly string[] = [
    "me-central-1",
    "eu-central-2",
    "eu-south-2",
    "ap-south-2",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ap-east-2",
    "il-central-1",
    "ca-west-1",
    "mx-central-1",
];

/** The writer of one region's ELB access logs. */
export type ElbLogWriter = { readonly kind: "account"; readonly accountId: string; readonly principalArn: string } | { readonly kind: "service"; readonly service: string };

/**
 * The ELB access-log writer of `region`, or undefined when the region is in neither list.
 * `dnsSuffix` is the partition's service-principal suffix (`amazonaws.com`, `amazonaws.com.cn`).
 */
export function elbLogWriter(partition: RegionInfo["partition"], region: string, dnsSuffix: string): ElbLogWriter | undefined {
    const account = ELB_ACCOUNT_IDS[region];
    if (account !== undefined) return { kind: "account", accountId: account, principalArn: `arn:${partition}:iam::${account}:root` };
    if (ELB_SERVICE_PRINCIPAL_REGIONS.includes(region)) return { kind: "service", service: `logdelivery.elasticloadbalancing.${dnsSuffix}` };
    return undefined;
}
