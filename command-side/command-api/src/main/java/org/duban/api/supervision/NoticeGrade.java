package org.duban.api.supervision;

/** The grades of a supervision notice, lowest first; shown as blue, yellow and red 督办单. */
public enum NoticeGrade {
    /** 提醒 */
    REMINDER,
    /** 督办通知 */
    NOTICE,
    /** 挂牌督办 */
    LISTED;

    /** The next grade up; listed supervision is the highest and stays. */
    public NoticeGrade next() {
        return this == LISTED ? LISTED : values()[ordinal() + 1];
    }
}
