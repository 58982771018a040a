package org.duban.app.notification;

/** Ways a message reaches a unit besides its inbox. */
enum Channel {
    EMAIL,
    /** 企业微信群机器人 */
    WECOM,
    /** 钉钉群机器人 */
    DINGTALK
}
