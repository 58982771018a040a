package org.duban.app.querynode;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.SubscribableMessageSource;
import org.duban.app.stream.EventStreamSettings;
import org.duban.app.stream.CloudEventFormat;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;


/**
 * The {@code query} profile: the projections subscribe to the event topic instead of the local event store, so the
 * same projection code builds this node's views from what the command nodes published.
 */
@Configuration(proxyBeanMethods = false)
@Profile("query")
@EnableConfigurationProperties(EventStreamSettings.class)
class QueryNodeConfig {

    @Bean
    TopicEventSource topicEventSource() {
        return new TopicEventSource();
    }

    /**
     * Every subscribing processor (every processing group) takes its messages from the topic. application-query.yml
     * sets {@code duban.projections.mode=topic}, so the default module that subscribes them to the store is absent.
     */
    @Bean
    ConfigurerModule projectionsFromTheTopic(TopicEventSource source) {
        return configurer -> configurer.eventProcessing()
                .assignHandlerTypesMatching(NOT_ON_A_QUERY_NODE, Integer.MAX_VALUE, QueryNodeConfig::hasEffects)
                .usingSubscribingEventProcessors(processorName -> config ->
                        NOT_ON_A_QUERY_NODE.equals(processorName) ? NOTHING : source);
    }

    /**
     * Handlers that act on events beyond this node's views — process handlers that start workflows or send commands,
     * status triggers and supervision rules that send commands, the notification outbox that sends messages — already
     * acted on the command node; fed here they would act twice (or fail: a query node has no workflows deployed). They
     * go to a processing group that subscribes to nothing. Kept: the read side ({@code org.duban.query}), the
     * working-days cache that follows the calendar views, and the publisher (it tracks the local store, empty here).
     */
    static final String NOT_ON_A_QUERY_NODE = "not-on-a-query-node";
    private static final SubscribableMessageSource<EventMessage<?>> NOTHING = processor -> () -> true;

    static boolean hasEffects(Class<?> handler) {
        String name = ClassUtils.getUserClass(handler).getPackageName();
        return !(inPackage(name, "org.duban.query") || inPackage(name, "org.duban.app.calendar")
                || inPackage(name, "org.duban.app.stream"));
    }

    private static boolean inPackage(String name, String root) {
        return name.equals(root) || name.startsWith(root + ".");
    }

    /**
     * {@code --duban.rebuild} replays the local event store, which on a query node is empty: it would wipe the views
     * built from the topic. The start fails before the rebuild runs, saying what to do instead; as a bean factory
     * post-processor it fails before any other bean is made (no schema migration, no engine, no consumer).
     */
    @Bean
    @ConditionalOnProperty("duban.rebuild")
    static BeanFactoryPostProcessor rebuildRefusedOnAQueryNode() {
        return beans -> {
            throw new IllegalStateException(REBUILD_REFUSED);
        };
    }

    static final String REBUILD_REFUSED = "duban.rebuild refused: this is a query node (profile query), its views are "
            + "built from the event topic and its local event store is empty, so a rebuild would empty them and replay "
            + "nothing. Rebuild on a command node; to rebuild a query node's views, start it on an empty database and it "
            + "reads the topic from the beginning.";

    @Bean
    TopicConsumer topicConsumer(EventStreamSettings settings, CloudEventFormat format, TopicEventSource source,
                                JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new TopicConsumer(settings, format, source, jdbc, new TransactionTemplate(transactions));
    }

    /** DOWN naming the record once the consumer stopped; otherwise the lag and the last applied event. */
    @Bean
    HealthIndicator queryNodeHealthIndicator(TopicConsumer consumer) {
        return () -> {
            TopicConsumer.Status status = consumer.status();
            Health.Builder health = status.stoppedOn() == null ? Health.up() : Health.down()
                    .withDetail("stoppedOn", status.stoppedOn());
            health.withDetail("lag", status.lag()).withDetail("applied", status.applied());
            if (status.lastEventId() != null) {
                health.withDetail("lastEventId", status.lastEventId())
                        .withDetail("lastEventTime", status.lastEventTime().toString());
            }
            return health.build();
        };
    }
}
