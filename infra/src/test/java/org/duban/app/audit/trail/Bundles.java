package org.duban.app.audit.trail;

import org.springframework.context.support.ResourceBundleMessageSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The page bundles as the application reads them, for tests without a Spring context. */
final class Bundles {
    private static final Pattern BASENAME = Pattern.compile("basename:\\s*(\\S+)");

    private Bundles() {
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(basenames());
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /** The bundles application.yml registers, so a bundle added there is checked here too. */
    private static String[] basenames() {
        try (InputStream yml = Bundles.class.getResourceAsStream("/application.yml")) {
            Matcher basename = BASENAME.matcher(new String(yml.readAllBytes(), StandardCharsets.UTF_8));
            if (!basename.find()) {
                throw new IllegalStateException("application.yml names no message bundles");
            }
            return basename.group(1).split(",");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
