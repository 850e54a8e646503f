import { strict as assert } from "assert";
import { runStack } from "../../infra/engine/run";
import { accountProvider } from "../../infra/providers";
import { parseOrg } from "../../infra/config/org";
import { parseStack } from "../../infra/config/stack";
import { referenceOrg } from "../support/plan";

describe("accountProvider", () => {
    const org = parseOrg(referenceOrg(), "stacks/org.yaml");
    const model = parseStack("member-workload-prod", "stacks/Pulumi.member-workload-prod.yaml", { "lz:role": "member", "lz:account": "workload-prod" }, org);

    async function providerInputs() {
        const plan = await runStack({ project: "lz", stack: model.stack, preview: false, config: {}, program: () => void accountProvider(model, model.account) });
        const providers = plan.resources.filter((r) => r.type === "pulumi:providers:aws");
        assert.equal(providers.length, 1);
        return providers[0];
    }

    it("assumes the deployment role of the target account and refuses every other account", async () => {
        const p = await providerInputs();
        assert.equal(p.name, "account-workload-prod");
        assert.deepEqual(JSON.parse(p.inputs.assumeRoles as string), [
            { roleArn: "arn:aws:iam::444444444444:role/LandingZoneDeployment", sessionName: "lz-member-workload-prod" },
        ]);
        assert.deepEqual(JSON.parse(p.inputs.allowedAccountIds as string), ["444444444444"]);
    });

    it("sits in the home region and tags everything with landing-zone, stack and role", async () => {
        const p = await providerInputs();
        assert.equal(p.inputs.region, "us-east-1");
        assert.deepEqual(JSON.parse(p.inputs.defaultTags as string), {
            tags: { "landing-zone": "acme-lz", "lz:managed-by": "pulumi", "lz:role": "member", "lz:stack": "member-workload-prod" },
        });
    });
});
