package org.duban.app.audit.chain;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The command-line mode {@code java -jar duban.jar --duban.audit.verify}: opens the configured database (same
 * profiles and properties as the application) with nothing but a data source, verifies the chain, prints the
 * result and answers 0 when intact, 1 when broken, 2 when it could not verify. It reads only: no web server, no
 * Flyway, no Camunda job executor, no Axon, and it never writes the anchor file, whose last anchor the whole chain
 * is checked against ({@code --duban.audit.anchor.file=} points at another copy). Options:
 * {@code --duban.audit.verify.from=N}, {@code --duban.audit.verify.to=M},
 * {@code --duban.audit.verify.head=position:hash}.
 */
public final class ChainVerifyCommand {
    public static final String FLAG = "--duban.audit.verify";

    private ChainVerifyCommand() {
    }

    public static boolean requested(String[] args) {
        return Arrays.stream(args).anyMatch(arg -> arg.equals(FLAG) || arg.equals(FLAG + "=true"));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        SpringApplication application = new SpringApplication(VerifyContext.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setDefaultProperties(Map.of("logging.level.root", "WARN"));
        application.addListeners((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
                openExistingDatabaseOnly(prepared.getEnvironment());
            }
        });
        String[] springArgs = Arrays.stream(args).filter(arg -> !arg.equals(FLAG)).toArray(String[]::new);
        try (ConfigurableApplicationContext context = application.run(springArgs)) {
            Environment environment = context.getEnvironment();
            String head = environment.getProperty("duban.audit.verify.head");
            ChainVerification result = context.getBean(ChainVerifier.class).verify(
                    environment.getProperty("duban.audit.verify.from", Long.class),
                    environment.getProperty("duban.audit.verify.to", Long.class), head,
                    head == null ? context.getBean(ChainAnchorFile.class).read() : null);
            out.print(result.describe());
            out.flush();
            return result.intact() ? 0 : 1;
        } catch (RuntimeException e) {
            err.println("audit chain: could not verify: " + rootMessage(e));
            return 2;
        }
    }

    /** A verifier must not leave an empty H2 database behind where it was pointed at the wrong directory. */
    private static void openExistingDatabaseOnly(ConfigurableEnvironment environment) {
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && url.startsWith("jdbc:h2:file:") && !url.toUpperCase(Locale.ROOT).contains("IFEXISTS")) {
            environment.getPropertySources().addFirst(new MapPropertySource("duban-audit-verify",
                    Map.of("spring.datasource.url", url + ";IFEXISTS=TRUE")));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + cause.getMessage() + ")";
    }

    /** Not a {@code @Configuration}, so the application's component scan never picks it up. */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
    @EnableConfigurationProperties(AuditProperties.class)
    @Import({ChainVerifier.class, ChainAnchorFile.class})
    static class VerifyContext {
    }
}
