package org.duban.command.indicator;

import org.axonframework.messaging.Message;
import org.axonframework.test.matchers.Matchers;
import org.duban.api.supervision.IndicatorStatusChanged;
import org.hamcrest.Matcher;

import java.util.List;
import java.util.function.Predicate;

final class IndicatorStatusMatchers {
    private IndicatorStatusMatchers() {
    }

    /** Exactly one event: a status change of which {@code expected} holds. */
    static Matcher<List<Message<?>>> only(Predicate<IndicatorStatusChanged> expected) {
        Matcher<Object> change = Matchers.predicate(payload -> payload instanceof IndicatorStatusChanged changed
                && expected.test(changed));
        return Matchers.payloadsMatching(Matchers.exactSequenceOf(change, Matchers.andNoMore()));
    }
}
