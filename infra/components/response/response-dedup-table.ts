import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DEDUP_EXPIRY_ATTRIBUTE, DEDUP_KEY_ATTRIBUTE } from "../../config/playbooks";
import { failIfAny } from "../validate";

export interface ResponseDedupTableArgs {
    /** Physical name (`naming.responseDedupTableName`): under the prefix the guardrail protects. */
    readonly tableName: string;
}

/**
 * The findings the playbooks handled recently, one item per playbook and finding
 * (`<playbook>#<finding id>`), each expiring through DynamoDB's time to live: a finding delivered
 * again inside the window (Security Hub re-sends one on every update, EventBridge may deliver an
 * event twice) is claimed already, so the playbook makes no call. On demand, so an idle landing zone
 * pays nothing but storage of a few items; deletion protection on, because an administrator who
 * could drop the table would make every playbook fail (the guardrail denies it too). It holds no
 * evidence (the results are on the bus and in the SIEM), so it is not retained.
 */
export class ResponseDedupTable extends pulumi.ComponentResource {
    public readonly tableArn: pulumi.Output<string>;
    public readonly tableName: pulumi.Output<string>;

    constructor(name: string, args: ResponseDedupTableArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:response:ResponseDedupTable", name, {}, opts);
        // DynamoDB table names: 3-255 of letters, digits, _ - . (DynamoDB Developer Guide, naming rules).
        failIfAny("ResponseDedupTable", name, /^[\w.-]{3,255}$/.test(args.tableName) ? [] : [`tableName: ${JSON.stringify(args.tableName)} is not a DynamoDB table name (3-255 letters, digits, _ - .)`]);
        const table = new aws.dynamodb.Table(
            `${name}-table`,
            {
                name: args.tableName,
                billingMode: "PAY_PER_REQUEST",
                hashKey: DEDUP_KEY_ATTRIBUTE,
                attributes: [{ name: DEDUP_KEY_ATTRIBUTE, type: "S" }],
                ttl: { attributeName: DEDUP_EXPIRY_ATTRIBUTE, enabled: true },
                deletionProtectionEnabled: true,
            },
            { parent: this },
        );
        this.tableArn = table.arn;
        this.tableName = table.name;
        this.registerOutputs({ tableArn: this.tableArn, tableName: this.tableName });
    }
}
