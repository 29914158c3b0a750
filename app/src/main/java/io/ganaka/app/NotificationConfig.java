package io.ganaka.app;

import io.ganaka.sinks.notify.NotificationSettings;
import io.ganaka.sinks.notify.RetrySchedule;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notification keys of the environment: SMTP, the SMS provider and the dispatcher's pace, each beside its default
 * and its check. Dev needs none of them: e-mail goes to {@code localhost:2525} (a local test mail server, or nothing,
 * in which case e-mails stay pending and retrying with the connection error in {@code last_error}) and SMS only to
 * the log.
 */
final class NotificationConfig {

    static final String DEFAULT_FROM = "Ganaka <no-reply@localhost>";

    private NotificationConfig() {}

    static NotificationSettings load(Map<String, String> env, boolean dev, List<String> problems) {
        Keys k = new Keys(env, problems);
        Optional<String> user = k.string("SMTP_USER");
        Optional<String> password = k.string("SMTP_PASS");
        if (user.isPresent() && password.isEmpty()) {
            problems.add("SMTP_PASS is required when SMTP_USER is set");
        }
        String from = k.string("SMTP_FROM").orElse(DEFAULT_FROM);
        try {
            new InternetAddress(from, true);
        } catch (AddressException e) {
            problems.add("SMTP_FROM must be an e-mail address such as 'Ganaka <no-reply@example.org>', got '" + from
                    + "'");
        }
        NotificationSettings.Smtp smtp = new NotificationSettings.Smtp(k.string("SMTP_HOST").orElse("localhost"),
                k.integer("SMTP_PORT", dev ? 2525 : 25, 1, 65535), user, password, from, Duration.ofSeconds(10));

        Optional<URI> webhook = k.string("SMS_WEBHOOK_URL").flatMap(url -> httpUri("SMS_WEBHOOK_URL", url, problems));
        String provider = k.string("SMS_PROVIDER").orElse(webhook.isPresent() ? "webhook" : "log");
        Optional<String> token = k.string("SMS_WEBHOOK_TOKEN");
        if (!provider.equals("log") && !provider.equals("webhook")) {
            problems.add("SMS_PROVIDER must be log or webhook, got '" + provider + "'");
        } else if (provider.equals("webhook") && k.string("SMS_WEBHOOK_URL").isEmpty()) {
            problems.add("SMS_WEBHOOK_URL is required when SMS_PROVIDER is webhook");
        } else if (provider.equals("webhook") && token.isEmpty()) {
            problems.add("SMS_WEBHOOK_TOKEN is required when SMS_PROVIDER is webhook");
        }
        NotificationSettings.Sms sms = new NotificationSettings.Sms(provider, webhook, token, Duration.ofSeconds(10));

        int base = k.integer("GANAKA_NOTIFY_RETRY_BASE_MS", 30_000, 1, 86_400_000);
        int max = k.integer("GANAKA_NOTIFY_RETRY_MAX_MS", 3_600_000, 1, 86_400_000);
        if (max < base) {
            problems.add("GANAKA_NOTIFY_RETRY_MAX_MS must not be less than GANAKA_NOTIFY_RETRY_BASE_MS");
            max = base;
        }
        RetrySchedule retries = new RetrySchedule(Duration.ofMillis(base), Duration.ofMillis(max),
                k.integer("GANAKA_NOTIFY_MAX_ATTEMPTS", 8, 1, 100));
        NotificationSettings.Dispatcher dispatcher = new NotificationSettings.Dispatcher(
                Duration.ofMillis(k.integer("GANAKA_NOTIFY_POLL_MS", 1_000, 10, 600_000)),
                k.integer("GANAKA_NOTIFY_BATCH_SIZE", 20, 1, 1_000),
                k.integer("GANAKA_NOTIFY_CONCURRENCY", 4, 1, 64),
                retries, Duration.ofMinutes(5), Duration.ofSeconds(30));
        return new NotificationSettings(dispatcher, smtp, sms);
    }

    private static Optional<URI> httpUri(String key, String value, List<String> problems) {
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(key + " must be an http:// or https:// URL, got '" + value + "'");
        return Optional.empty();
    }

    /** Reads keys, treating blank values as unset, and records a problem for every bad value. */
    private record Keys(Map<String, String> env, List<String> problems) {

        Optional<String> string(String key) {
            String value = env.get(key);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
        }

        int integer(String key, int defaultValue, int min, int max) {
            Optional<String> value = string(key);
            if (value.isEmpty()) {
                return defaultValue;
            }
            try {
                int parsed = Integer.parseInt(value.get());
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
                problems.add(key + " must be between " + min + " and " + max + ", got " + parsed);
            } catch (NumberFormatException e) {
                problems.add(key + " must be a whole number, got '" + value.get() + "'");
            }
            return defaultValue;
        }
    }
}
