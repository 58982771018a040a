package org.duban.api.supervision;

/** How long an open supervision notice has been out, in calendar days since the day it was issued. */
public enum NoticeAge {
    /** 0 to 7 days */
    WEEK,
    /** 8 to 30 days */
    MONTH,
    /** more than 30 days */
    OLDER;

    public static NoticeAge of(long days) {
        return days <= 7 ? WEEK : days <= 30 ? MONTH : OLDER;
    }
}
