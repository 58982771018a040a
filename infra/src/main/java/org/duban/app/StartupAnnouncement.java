package org.duban.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who started Duban where to open it and where the sign-in accounts are. */
@Component
class StartupAnnouncement {
    private static final Logger log = LoggerFactory.getLogger(StartupAnnouncement.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
            int port = web.getWebServer().getPort();
            log.info("Duban 督办 is running at http://localhost:{}/ (Camunda Cockpit: http://localhost:{}/camunda/). "
                    + "Sign-in accounts: see 'Demo accounts' in README.md (configured under duban.security.accounts).",
                    port, port);
        }
    }
}
