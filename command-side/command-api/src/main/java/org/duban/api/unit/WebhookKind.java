package org.duban.api.unit;

/** The group robots a unit's webhook may post to; both take a text message as {@code {"msgtype":"text",…}}. */
public enum WebhookKind {
    /** 企业微信群机器人 */
    WECOM,
    /** 钉钉群机器人 */
    DINGTALK
}
