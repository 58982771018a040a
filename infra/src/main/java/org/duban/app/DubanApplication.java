package org.duban.app;

import org.duban.app.audit.chain.ChainVerifyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

@SpringBootApplication(scanBasePackages = "org.duban")
@ConfigurationPropertiesScan("org.duban")
// Naming entity packages replaces the defaults, so Axon's event store, token store, saga and dead-letter
// entities are listed with ours.
@EntityScan({"org.duban",
        "org.axonframework.eventsourcing.eventstore.jpa",
        "org.axonframework.eventhandling.tokenstore.jpa",
        "org.axonframework.modelling.saga.repository.jpa",
        "org.axonframework.eventhandling.deadletter.jpa"})
@EnableJpaRepositories("org.duban")
public class DubanApplication {

    public static void main(String[] args) {
        disableUpdateChecker();
        if (ChainVerifyCommand.requested(args)) {
            // verify the audit chain and exit, without starting the application (docs/AUDIT.md)
            System.exit(ChainVerifyCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(DubanApplication.class, args);
    }

    /** A government system does not phone home: Axon's update checker stays off. */
    public static void disableUpdateChecker() {
        System.setProperty("axoniq.update-checker.disabled", "true");
    }
}
