package org.duban.api.evaluation;

/** How evaluators score an item: weighted criteria scored 0–100, or one grade (优/良/中/差) read as its band's score. */
public enum SchemeKind {
    WEIGHTED,
    GRADES
}
