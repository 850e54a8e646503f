import * as assert from "assert";
import { decide, ALLOW_ALL } from "../../support/iam";
import { logDestinationPolicy } from "../../../infra/iam/log-archive-destinations";

const DEST = "arn:aws:logs:eu-west-1:222222222222:destination:acme-lz-central-logs";
const policy = JSON.parse(JSON.stringify(logDestinationPolicy({ destinationArn: DEST, organizationId: "o-exampleorg1" })));
const ask = (principal: string, org: string) =>
    decide({ principal, action: "logs:PutSubscriptionFilter", resource: DEST, resourceAccount: "222222222222", context: { "aws:PrincipalOrgID": org }, identityPolicies: [ALLOW_ALL], resourcePolicy: policy });

describe("central log destination policy", () => {
    it("lets an account of the organisation subscribe its log groups", async () => {
        assert.strictEqual(await ask("arn:aws:iam::444444444444:role/LandingZoneDeployment", "o-exampleorg1"), "Allowed");
    });
    it("refuses an account of another organisation", async () => {
        assert.strictEqual(await ask("arn:aws:iam::999999999999:role/Admin", "o-otherorg99"), "ImplicitlyDenied");
    });
});
