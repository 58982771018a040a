package org.duban.app.supervision.dashboard;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.supervision.FindTaskStatuses;
import org.duban.api.supervision.TaskStatuses;
import org.springframework.stereotype.Component;

/** The statuses the plan and task pages show as badges (红黄绿, with words; see supervision/badges.html). */
@Component
public class StatusBadges {
    private final QueryGateway queries;

    StatusBadges(QueryGateway queries) {
        this.queries = queries;
    }

    public TaskStatuses ofPlan(String planId) {
        return queries.query(new FindTaskStatuses(planId), ResponseTypes.instanceOf(TaskStatuses.class)).join();
    }
}
