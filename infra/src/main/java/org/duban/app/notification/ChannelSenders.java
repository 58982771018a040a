package org.duban.app.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.duban.api.unit.UnitNotificationChannels;
import org.duban.app.notification.OutboxStore.OutboxMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Email through Spring Mail, and the group robots over HTTP in their text format,
 * {@code {"msgtype":"text","text":{"content":"…"}}}. A robot's answer other than 2xx, or one whose {@code errcode} is
 * not 0, is a failure. A DingTalk robot with a secret (加签) gets {@code timestamp} and {@code sign} =
 * Base64(HmacSHA256(secret, timestamp + "\n" + secret)) in its address, as DingTalk's robot documentation says.
 */
class ChannelSenders implements Senders {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ERROR_TEXT = 1_000;

    private final JavaMailSender mail;
    private final String from;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Function<String, Optional<UnitNotificationChannels>> channels;
    private final LongSupplier epochMillis;

    /**
     * @param mail     absent when no mail host is configured
     * @param channels the unit's current channels, for DingTalk's secret (kept out of the outbox)
     */
    ChannelSenders(JavaMailSender mail, String from, Duration connectTimeout, Duration requestTimeout,
                   Function<String, Optional<UnitNotificationChannels>> channels, LongSupplier epochMillis) {
        this.mail = mail;
        this.from = from;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = requestTimeout;
        this.channels = channels;
        this.epochMillis = epochMillis;
    }

    @Override
    public void send(OutboxMessage message) throws SendFailed {
        switch (message.channel()) {
            case EMAIL -> email(message);
            case WECOM -> post(message.recipient(), message);
            case DINGTALK -> post(signed(message), message);
        }
    }

    private void email(OutboxMessage message) throws SendFailed {
        if (mail == null) {
            throw new SendFailed("no mail server is configured (spring.mail.host)");
        }
        try {
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(message.recipient().split(",\\s*"));
            helper.setSubject(message.subject());
            helper.setText(message.body(), false);
            mail.send(mime);
        } catch (MessagingException | MailException e) {
            throw new SendFailed("mail: " + cut(Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName())), e);
        }
    }

    private void post(String url, OutboxMessage message) throws SendFailed {
        String body;
        try {
            ObjectNode text = JSON.createObjectNode().put("msgtype", "text");
            text.putObject("text").put("content", message.body());
            body = JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new SendFailed("the message could not be written as JSON", e);
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(requestTimeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SendFailed("robot unreachable: " + cut(String.valueOf(e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + e.getMessage())), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailed("interrupted while sending", e);
        }
        if (answer.statusCode() / 100 != 2) {
            throw new SendFailed("robot answered HTTP " + answer.statusCode() + ": " + cut(answer.body()));
        }
        try {
            JsonNode json = JSON.readTree(answer.body());
            if (json != null && json.has("errcode") && json.get("errcode").asInt(-1) != 0) {
                throw new SendFailed("robot answered errcode " + json.get("errcode").asText() + ": "
                        + cut(json.path("errmsg").asText("")));
            }
        } catch (IOException e) {
            // a 2xx answer that is not JSON: the robot took the message, it only says so differently
        }
    }

    private String signed(OutboxMessage message) throws SendFailed {
        String secret = channels.apply(message.unitId()).map(UnitNotificationChannels::webhookSecret).orElse(null);
        if (secret == null) {
            return message.recipient();
        }
        long timestamp = epochMillis.getAsLong();
        return message.recipient() + (message.recipient().contains("?") ? "&" : "?") + "timestamp=" + timestamp
                + "&sign=" + URLEncoder.encode(sign(timestamp, secret), StandardCharsets.UTF_8);
    }

    static String sign(long timestamp, String secret) throws SendFailed {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(
                    mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new SendFailed("the DingTalk signature could not be made", e);
        }
    }

    private static String cut(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return line.length() > ERROR_TEXT ? line.substring(0, ERROR_TEXT) + "…" : line;
    }
}
