/**
 * Cost profiles: one line in `stacks/org.yaml` (`profile: essential`) that changes the defaults of
 * the costly switches of every stack's settings. A switch's schema says what it costs (`cost`) and
 * what it defaults to under a profile (`profiles`); a value a stack file sets still wins.
 *
 * - `full` (the default): every detection service, protection plan and data source on.
 * - `essential`: the logging and detection a landing zone cannot do without (organisation trail with
 *   management events, Config, GuardDuty's foundational detection, Security Hub, Access Analyzer,
 *   the central log pipeline and alerting) and none of the costly extras: Macie, Detective, Inspector,
 *   GuardDuty's protection plans, CloudTrail data events and Insights.
 */
export const PROFILES = ["full", "essential"] as const;
export type Profile = (typeof PROFILES)[number];

/** What enabling a switch costs, for the configuration reference and cost estimates. */
export interface Cost {
    /** The pricing unit(s), e.g. "per 100,000 data events delivered". */
    readonly unit: string;
    /** The AWS page with the prices. */
    readonly pricing: string;
}
