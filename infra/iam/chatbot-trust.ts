import { policyDocument, type PolicyDocument } from "./types";

export interface ChatbotTrustArgs {
    /** `chatbot.amazonaws.com`. */
    readonly chatbotPrincipal: string;
}

/**
 * Trust of the Chatbot channel role. No `aws:SourceArn`/`aws:SourceAccount`: Chatbot documents no
 * such keys for its role (a condition the service does not send would break delivery silently). The
 * confused deputy is closed another way: a channel configuration can only name the role with
 * `iam:PassRole`, which no principal outside this account can be granted.
 */
export function chatbotTrustPolicy(a: ChatbotTrustArgs): PolicyDocument {
    return policyDocument([{ Sid: "ChatbotAssumes", Effect: "Allow", Principal: { Service: a.chatbotPrincipal }, Action: "sts:AssumeRole" }]);
}
