package org.duban.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The configuration of projection tests ({@code @DataJpaTest}): the query side's entities and repositories, every
 * projection and the views that join them, with what they need, on the application's schema (see application.properties).
 */
@SpringBootApplication
@ComponentScan(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = {
        "org\\.duban\\.query\\..*Projection",
        "org\\.duban\\.query\\.task\\.TaskViews",
        "org\\.duban\\.query\\.task\\.ProgressViews",
        "org\\.duban\\.query\\.implementation\\.ImplementationViews",
        "org\\.duban\\.query\\.ledger\\.LedgerViews",
        "org\\.duban\\.query\\.audit\\.AuditTrail",
        "org\\.duban\\.query\\.supervision\\.DashboardViews",
        "org\\.duban\\.query\\.Projections"}))
public class ProjectionTestApplication {
}
