package org.duban.app.nodes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.net.InetAddress;
import java.util.Map;
import java.util.UUID;

/**
 * Gives this application node a name, {@code duban.node.id}, before logging starts, so that every log line, the
 * Camunda job locks and {@code /actuator/info} can say which node did something. Set it for each node
 * ({@code DUBAN_NODE_ID}); by default it is the host name and the server port, or the host name and a random suffix
 * when the port is chosen at start ({@code server.port=0}).
 */
public class NodeIdentity implements EnvironmentPostProcessor, Ordered {
    public static final String PROPERTY = "duban.node.id";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String given = environment.getProperty(PROPERTY);
        if (given != null && !given.isBlank()) {
            return;
        }
        String port = environment.getProperty("server.port", "8080");
        String suffix = port.equals("0") || port.equals("-1")
                ? UUID.randomUUID().toString().substring(0, 8) : port;
        environment.getPropertySources().addFirst(new MapPropertySource("duban-node-identity",
                Map.of(PROPERTY, hostName() + ":" + suffix)));
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception unknown) {
            return "node";
        }
    }

    @Override
    public int getOrder() {
        // after the configuration files and the command line have been read
        return Ordered.LOWEST_PRECEDENCE;
    }
}
