import { policyDocument, type PolicyDocument } from "./types";

/** Read-only CloudWatch access Chatbot needs to render alarm notifications. */
export const CHATBOT_NOTIFICATION_ACTIONS = ["cloudwatch:Describe*", "cloudwatch:Get*", "cloudwatch:List*"] as const;

/** Permissions of the Chatbot channel role: render notifications, nothing else. */
export function chatbotNotificationsPolicy(): PolicyDocument {
    return policyDocument([{ Sid: "ReadAlarmsForNotifications", Effect: "Allow", Action: [...CHATBOT_NOTIFICATION_ACTIONS], Resource: "*" }]);
}
