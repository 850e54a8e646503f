import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface SecurityDashboardArgs {
    readonly dashboardName: string;
    /** Dashboard body (`dashboard-body.ts`). */
    readonly body: pulumi.Input<Record<string, unknown>>;
}

/** The security account's CloudWatch dashboard: findings by severity, alarms, bus throughput, SIEM queue. */
export class SecurityDashboard extends pulumi.ComponentResource {
    public readonly dashboardArn: pulumi.Output<string>;

    constructor(name: string, args: SecurityDashboardArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:events:SecurityDashboard", name, {}, opts);
        if (!/^[\w-]{1,255}$/.test(args.dashboardName)) throw new Error(`SecurityDashboard ${name}:\n  dashboardName: ${JSON.stringify(args.dashboardName)} must be 1-255 characters of letters, digits, - and _`);
        const dashboard = new aws.cloudwatch.Dashboard(
            `${name}-dashboard`,
            { dashboardName: args.dashboardName, dashboardBody: pulumi.output(args.body).apply((b) => JSON.stringify(b)) },
            { parent: this },
        );
        this.dashboardArn = dashboard.dashboardArn;
        this.registerOutputs({ dashboardArn: this.dashboardArn });
    }
}
