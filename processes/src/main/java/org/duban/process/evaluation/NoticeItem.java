package org.duban.process.evaluation;

import org.duban.api.evaluation.Grade;
import org.duban.api.evaluation.ItemKind;

import java.math.BigDecimal;

/**
 * A published item whose grade opens a supervision notice, kept in the process between publication and the notices
 * as one string (the engine stores a list of strings without a custom type).
 */
record NoticeItem(ItemKind kind, String itemId, String unitId, Grade grade, BigDecimal score, String unitName) {
    private static final String SEPARATOR = "\t";

    String encoded() {
        return String.join(SEPARATOR, kind.name(), itemId, unitId, grade.name(), score.toPlainString(), unitName);
    }

    static NoticeItem decoded(String encoded) {
        String[] parts = encoded.split(SEPARATOR, 6);
        return new NoticeItem(ItemKind.valueOf(parts[0]), parts[1], parts[2], Grade.valueOf(parts[3]),
                new BigDecimal(parts[4]), parts[5]);
    }
}
