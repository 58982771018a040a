package org.duban.app.notification;

import org.duban.app.web.PeriodNames;
import org.duban.process.WorkflowClock;
import org.duban.process.calendar.WorkingDays;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the notifications. Their clock is the workflow's ({@link WorkflowClock#now()}), so a test or a rehearsal
 * that moves the timers moves the quiet hours with them. Email is on only when Spring Boot made a mail sender
 * ({@code spring.mail.host} set).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfig {

    @Bean
    NotificationMessages notificationMessages(MessageSource messages, PeriodNames periods, NotificationProperties properties) {
        return new NotificationMessages(messages, periods, properties.baseUrl());
    }

    @Bean
    NotificationOutbox notificationOutbox(NotificationDirectory directory, NotificationMessages messages,
                                          OutboxStore store, ObjectProvider<JavaMailSender> mail) {
        return new NotificationOutbox(directory, messages, store::add, mail.getIfAvailable() != null, WorkflowClock::now);
    }

    @Bean
    NotificationDispatcher notificationDispatcher(OutboxStore store, NotificationDirectory directory,
                                                  ObjectProvider<JavaMailSender> mail, WorkingDays workingDays,
                                                  PlatformTransactionManager transactionManager,
                                                  NotificationProperties properties,
                                                  @Value("${duban.node.id}") String node) {
        ChannelSenders senders = new ChannelSenders(mail.getIfAvailable(), properties.mailFrom(),
                properties.connectTimeout(), properties.requestTimeout(), directory::channels, System::currentTimeMillis);
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new NotificationDispatcher(store, senders, new QuietHours(workingDays, properties), transactions,
                properties, WorkflowClock::now, node);
    }
}
