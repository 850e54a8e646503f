import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { failIfAny, regionProblems } from "../validate";

export interface AccessAnalyzerOrganizationArgs {
    /** Enabled regions: analyzers are regional. */
    readonly regions: readonly string[];
    readonly homeRegion: string;
    /** Name prefix of the analyzers, e.g. `acme-lz`. */
    readonly namePrefix: string;
    /**
     * The organisation unused-access analyzer (home region only; charged per role and user).
     * @default false
     */
    readonly unusedAccess?: boolean;
    /**
     * Days without use after which access counts as unused.
     * @default 90
     */
    readonly unusedAccessAgeDays?: number;
}

export function resolveAccessAnalyzerOrganizationArgs(name: string, args: AccessAnalyzerOrganizationArgs): Required<AccessAnalyzerOrganizationArgs> {
    const problems = regionProblems(args.regions, {}, "regions");
    if (!args.regions.includes(args.homeRegion)) problems.push(`homeRegion: ${args.homeRegion} is not one of the regions ${args.regions.join(", ")}`);
    const age = args.unusedAccessAgeDays ?? 90;
    if (!Number.isInteger(age) || age < 1 || age > 365) problems.push(`unusedAccessAgeDays: ${age} must be a whole number of days from 1 to 365`);
    failIfAny("AccessAnalyzerOrganization", name, problems);
    return { unusedAccess: false, unusedAccessAgeDays: 90, ...args };
}

/** IAM Access Analyzer with the organisation as zone of trust, in every enabled region. */
export class AccessAnalyzerOrganization extends pulumi.ComponentResource {
    public readonly analyzerArns: Readonly<Record<string, pulumi.Output<string>>>;

    constructor(name: string, args: AccessAnalyzerOrganizationArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lz:detection:AccessAnalyzerOrganization", name, {}, opts);
        const a = resolveAccessAnalyzerOrganizationArgs(name, args);
        const analyzerArns: Record<string, pulumi.Output<string>> = {};
        for (const region of a.regions) {
            const analyzer = new aws.accessanalyzer.Analyzer(
                `${name}-${region}-external`,
                { region, analyzerName: `${a.namePrefix}-organization`, type: "ORGANIZATION" },
                { parent: this },
            );
            analyzerArns[region] = analyzer.arn;
        }
        if (a.unusedAccess) {
            new aws.accessanalyzer.Analyzer(
                `${name}-unused`,
                {
                    region: a.homeRegion,
                    analyzerName: `${a.namePrefix}-organization-unused-access`,
                    type: "ORGANIZATION_UNUSED_ACCESS",
                    configuration: { unusedAccess: { unusedAccessAge: a.unusedAccessAgeDays } },
                },
                { parent: this },
            );
        }
        this.analyzerArns = analyzerArns;
        this.registerOutputs({ analyzerArns });
    }
}
