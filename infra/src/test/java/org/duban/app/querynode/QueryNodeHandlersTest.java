package org.duban.app.querynode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which event handlers a query node feeds from the topic: those that build its state, none that act beyond it. */
class QueryNodeHandlersTest {

    @Test
    void handlers_that_send_commands_start_workflows_or_send_messages_are_not_fed_on_a_query_node() throws Exception {
        for (String withEffects : new String[]{
                "org.duban.process.task.PublishedPlanAssignments",
                "org.duban.process.supervision.IssuedNotices",
                "org.duban.process.evaluation.RoundEvents",
                "org.duban.app.supervision.status.StatusTriggers",
                "org.duban.app.supervision.SupervisionRules",
                "org.duban.app.notification.NotificationOutbox"}) {
            assertThat(QueryNodeConfig.hasEffects(Class.forName(withEffects))).as(withEffects).isTrue();
        }
    }

    @Test
    void projections_the_working_days_cache_and_the_publisher_are_kept() throws Exception {
        for (String kept : new String[]{
                "org.duban.query.plan.PlanTreeProjection",
                "org.duban.query.supervision.StatusProjection",
                "org.duban.query.audit.AuditTrailProjection",
                "org.duban.app.calendar.CalendarWorkingDays",
                "org.duban.app.stream.EventStreamPublisher"}) {
            assertThat(QueryNodeConfig.hasEffects(Class.forName(kept))).as(kept).isFalse();
        }
    }
}
