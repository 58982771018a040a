package org.duban.app.audit;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/**
 * The command-line mode {@code java -jar duban.jar --duban.audit.verify}: opens the configured database (same
 * profiles and properties as the application) with nothing but a data source, verifies the chain, prints the
 * result and answers 0 when intact, 1 when broken, 2 when it could not verify. It reads only: no web server, no
 * Flyway, no Camunda job executor, no Axon. Options: {@code --duban.audit.verify.from=N},
 * {@code --duban.audit.verify.to=M}, {@code --duban.audit.verify.head=position:hash}.
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
        String[] springArgs = Arrays.stream(args).filter(arg -> !arg.equals(FLAG)).toArray(String[]::new);
        try (ConfigurableApplicationContext context = application.run(springArgs)) {
            Environment environment = context.getEnvironment();
            ChainVerification result = context.getBean(ChainVerifier.class).verify(
                    environment.getProperty("duban.audit.verify.from", Long.class),
                    environment.getProperty("duban.audit.verify.to", Long.class),
                    environment.getProperty("duban.audit.verify.head"));
            out.print(result.describe());
            out.flush();
            return result.intact() ? 0 : 1;
        } catch (RuntimeException e) {
            err.println("audit chain: could not verify: " + rootMessage(e));
            return 2;
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
    @Import(ChainVerifier.class)
    static class VerifyContext {
    }
}
