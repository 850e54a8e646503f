import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { failIfAny, regionProblems } from "../validate";

export interface DetectiveOrganizationArgs {
    /** Enabled regions: behavior graphs are regional. */
    readonly regions: readonly string[];
    /**
     * Behavior graphs that already exist in this account (designating the Detective administrator
     * creates one), by region: adopted with `import`; regions not listed get a new graph.
     * @default {}
     */
    readonly adoptGraphArns?: Readonly<Record<string, string>>;
}

export function resolveDetectiveOrganizationArgs(name: string, args: DetectiveOrganizationArgs): Required<DetectiveOrganizationArgs> {
    const adoptGraphArns = args.adoptGraphArns ?? {};
    const problems = regionProblems(args.regions, adoptGraphArns, "adoptGraphArns");
    for (const [region, arn] of Object.entries(adoptGraphArns)) {
        if (!arn.includes(`:detective:${region}:`)) problems.push(`adoptGraphArns: ${region}: ${JSON.stringify(arn)} is a graph of another region`);
    }
    failIfAny("DetectiveOrganization", name, problems);
    return { ...args, adoptGraphArns };
}

/** Detective's organisation behavior graph in every enabled region, auto-enabled for new accounts. */
export class DetectiveOrganization extends pulumi.ComponentResource {
    public readonly graphArns: Readonly<Record<string, pulumi.Output<string>>>;

    constructor(name: string, args: DetectiveOrganizationArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:detection:DetectiveOrganization", name, {}, opts);
        const a = resolveDetectiveOrganizationArgs(name, args);
        const graphArns: Record<string, pulumi.Output<string>> = {};
        for (const region of a.regions) {
            const adopt = a.adoptGraphArns[region];
            const graph = new aws.detective.Graph(`${name}-${region}-graph`, { region }, { parent: this, ...(adopt ? { import: adopt } : {}) });
            new aws.detective.OrganizationConfiguration(`${name}-${region}-organization`, { region, graphArn: graph.graphArn, autoEnable: true }, { parent: this });
            graphArns[region] = graph.graphArn;
        }
        this.graphArns = graphArns;
        this.registerOutputs({ graphArns });
    }
}
