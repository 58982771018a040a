package org.duban.app.persistence;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.duban.api.plan.CreatePlan;
import org.duban.api.plan.PlanPeriod;
import org.duban.app.support.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application starts on a database that the former per-database scripts migrated (as every installation before
 * the shared scripts was), validates it, and works on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabases.class)
@ContextConfiguration(initializers = {TestDatabases.class, ApplicationOnFormerSchemaIT.FormerScripts.class})
class ApplicationOnFormerSchemaIT {

    /** Runs after {@link TestDatabases} chose the database, before the application's Flyway sees it. */
    static class FormerScripts implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Environment environment = context.getEnvironment();
            DriverManagerDataSource dataSource = new DriverManagerDataSource(
                    environment.getRequiredProperty("spring.datasource.url"),
                    environment.getRequiredProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password", ""));
            Flyway.configure().dataSource(dataSource)
                    .locations("classpath:legacy-migrations/" + (TestDatabases.postgres() ? "postgresql" : "h2"))
                    .load().migrate();
        }
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;

    @Test
    void an_installation_migrated_by_the_former_scripts_starts_and_records_the_shared_checksums() {
        assertThat(jdbc.queryForList("select \"version\" from \"flyway_schema_history\" where \"type\" = 'SQL' "
                + "order by \"installed_rank\"", String.class))
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17",
                        "18", "19", "20", "21", "22");
        for (FormerChecksums.Former former : FormerChecksums.FORMER) {
            assertThat(jdbc.queryForObject("select \"checksum\" from \"flyway_schema_history\" where \"version\" = ?",
                    Integer.class, former.version())).as("V" + former.version()).isEqualTo(former.shared());
        }

        String planId = UUID.randomUUID().toString();
        commands.sendAndWait(new CreatePlan(planId, "大足区任务分解", null, "大足区人民政府办公室",
                new PlanPeriod(2024, 2027), "区政府督查室"));

        assertThat(jdbc.queryForObject("select count(*) from audit_chain_link l join domain_event_entry e "
                + "on e.global_index = l.global_index where e.aggregate_identifier = ?", Long.class, planId))
                .as("the event extends the chain the former V7 started").isEqualTo(1L);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select title from plan_summary where plan_id = ?", String.class, planId)).isEqualTo("大足区任务分解"));
    }
}
