package org.duban.app.notification;

import com.sun.net.httpserver.HttpServer;
import org.duban.api.unit.UnitNotificationChannels;
import org.duban.api.unit.WebhookKind;
import org.duban.app.notification.NotificationMessages.Message;
import org.duban.app.notification.OutboxStore.OutboxMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What counts as sent on a robot, and how a DingTalk robot with a secret is signed. */
class ChannelSendersTest {
    private static final long TIMESTAMP = 1_700_000_000_000L;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";
    private final HttpServer robot = robot();

    private HttpServer robot() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                received.add(exchange.getRequestURI() + " " + new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8));
                byte[] body = answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        robot.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + robot.getAddress().getPort() + path;
    }

    private ChannelSenders senders(String secret) {
        return new ChannelSenders(null, "duban@localhost", Duration.ofSeconds(2), Duration.ofSeconds(2),
                unit -> Optional.of(new UnitNotificationChannels(unit, List.of(), false, url("/d"), WebhookKind.DINGTALK,
                        secret, true, Instant.EPOCH)), () -> TIMESTAMP);
    }

    private OutboxMessage message(Channel channel, String url) {
        return new OutboxMessage("e", "ReportReminded", "u", "区卫生健康委", channel, url,
                new Message("【催报提醒】任务", "【催报提醒】区卫生健康委：请报送。", "https://x/tasks/t"), false);
    }

    @Test
    void a_wecom_robot_gets_the_text_message_and_errcode_zero_is_success() throws Exception {
        senders(null).send(message(Channel.WECOM, url("/cgi-bin/webhook/send?key=k")));
        assertThat(received).containsExactly("/cgi-bin/webhook/send?key=k "
                + "{\"msgtype\":\"text\",\"text\":{\"content\":\"【催报提醒】区卫生健康委：请报送。\"}}");
    }

    @Test
    void an_errcode_other_than_zero_or_a_status_other_than_2xx_is_a_failure() {
        answer = "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}";
        assertThatThrownBy(() -> senders(null).send(message(Channel.WECOM, url("/w"))))
                .isInstanceOf(Senders.SendFailed.class).hasMessage("robot answered errcode 93000: invalid webhook url");
        answer = "busy";
        status = 503;
        assertThatThrownBy(() -> senders(null).send(message(Channel.WECOM, url("/w"))))
                .isInstanceOf(Senders.SendFailed.class).hasMessage("robot answered HTTP 503: busy");
    }

    @Test
    void an_unreachable_robot_is_a_failure_not_an_exception_of_the_dispatcher() {
        robot.stop(0);
        assertThatThrownBy(() -> senders(null).send(message(Channel.WECOM, url("/w"))))
                .isInstanceOf(Senders.SendFailed.class).hasMessageStartingWith("robot unreachable");
    }

    @Test
    void a_dingtalk_robot_with_a_secret_is_signed_as_its_documentation_says() throws Exception {
        String sign = "jcUpW0QmtKduN03n4JqQ0PBosVjqnM8gU7fIIvsDmCM=";
        assertThat(ChannelSenders.sign(TIMESTAMP, "SECabc")).isEqualTo(sign);
        senders("SECabc").send(message(Channel.DINGTALK, url("/robot/send?access_token=t")));
        assertThat(received.get(0)).startsWith("/robot/send?access_token=t&timestamp=" + TIMESTAMP + "&sign="
                + URLEncoder.encode(sign, StandardCharsets.UTF_8) + " {\"msgtype\":\"text\"");
    }

    @Test
    void without_a_mail_server_an_email_fails_with_the_reason() {
        assertThatThrownBy(() -> senders(null).send(message(Channel.EMAIL, "a@b.cn")))
                .isInstanceOf(Senders.SendFailed.class).hasMessageContaining("spring.mail.host");
    }
}
