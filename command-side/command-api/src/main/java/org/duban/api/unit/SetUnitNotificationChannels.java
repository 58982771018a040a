package org.duban.api.unit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Sets how a unit is notified besides its inbox: email addresses and a group robot's webhook, each on or off. Set by an
 * administrator; replaces the previous settings whole.
 *
 * @param webhookSecret DingTalk's signing secret (加签), or absent; never shown once set
 */
public record SetUnitNotificationChannels(@TargetAggregateIdentifier String unitId, List<String> emails, boolean emailOn,
                                          String webhookUrl, WebhookKind webhookKind, String webhookSecret,
                                          boolean webhookOn) {
    /** Addresses of one unit. */
    public static final int EMAILS = 10;
    /** An address, as SMTP allows it. */
    public static final int EMAIL = 254;
    /** A robot's address with its access token. */
    public static final int URL = 2_000;
    /** A robot's signing secret. */
    public static final int SECRET = 200;
    // deliberately simple: one @, no spaces, a dot in the domain; the mail server has the last word
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\".]+");

    public SetUnitNotificationChannels {
        Require.id(unitId, "unitId");
        emails = Require.atMost(emails, "emails", EMAILS).stream()
                .map(email -> Require.optionalText(email, "emails", EMAIL)).filter(Objects::nonNull)
                .map(email -> {
                    if (!ADDRESS.matcher(email).matches()) {
                        throw new IllegalArgumentException("emails: \"" + email + "\" is not an email address");
                    }
                    return email.toLowerCase(Locale.ROOT);
                }).distinct().toList();
        if (emailOn && emails.isEmpty()) {
            throw new IllegalArgumentException("emails: email is on but no address is given");
        }
        webhookUrl = Require.optionalText(webhookUrl, "webhookUrl", URL);
        if (webhookUrl != null) {
            checkUrl(webhookUrl);
        }
        webhookSecret = Require.optionalText(webhookSecret, "webhookSecret", SECRET);
        if (webhookOn && (webhookUrl == null || webhookKind == null)) {
            throw new IllegalArgumentException("webhookUrl: the webhook is on but its address or kind is missing");
        }
        if (webhookSecret != null && webhookKind != WebhookKind.DINGTALK) {
            throw new IllegalArgumentException("webhookSecret: only a DingTalk robot is signed with a secret");
        }
    }

    private static void checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("webhookUrl is not a web address: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("webhookUrl must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("webhookUrl names no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("webhookUrl must not carry a user name or password");
        }
    }
}
