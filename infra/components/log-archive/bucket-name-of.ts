/** `arn:<partition>:s3:::<name>` → `<name>` (the dimension S3's request and replication metrics use). */
export function bucketNameOf(bucketArn: string): string {
    return bucketArn.slice(bucketArn.indexOf(":::") + 3);
}
