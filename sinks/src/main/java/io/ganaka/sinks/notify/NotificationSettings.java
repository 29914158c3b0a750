package io.ganaka.sinks.notify;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How notifications are delivered: the dispatcher's pace and retries, the SMTP server and the SMS provider.
 *
 * @param dispatcher how often and how much the dispatcher claims, and how it retries
 * @param smtp       the e-mail server
 * @param sms        the SMS provider
 */
public record NotificationSettings(Dispatcher dispatcher, Smtp smtp, Sms sms) {

    public NotificationSettings {
        Objects.requireNonNull(dispatcher, "dispatcher");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(sms, "sms");
    }

    /**
     * @param pollInterval    the wait between claims when nothing was due
     * @param batchSize       the most notifications claimed at once
     * @param concurrency     the most deliveries running at once
     * @param retries         back-off and the number of attempts before a notification has failed
     * @param claimLease      how long a claimed notification is held: after a crash it is due again then
     * @param breakerOpenWait how long a channel whose circuit breaker opened is left alone
     */
    public record Dispatcher(Duration pollInterval, int batchSize, int concurrency, RetrySchedule retries,
                             Duration claimLease, Duration breakerOpenWait) {

        public static Dispatcher defaults() {
            return new Dispatcher(Duration.ofSeconds(1), 20, 4,
                    new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), 8),
                    Duration.ofMinutes(5), Duration.ofSeconds(30));
        }

        public Dispatcher {
            if (batchSize < 1 || concurrency < 1) {
                throw new IllegalArgumentException("batchSize and concurrency must be at least 1");
            }
        }
    }

    /**
     * SMTP with STARTTLS whenever the server offers it, and authentication when {@code user} is given.
     *
     * @param from the sender address, e.g. {@code Ganaka <no-reply@example.org>}
     */
    public record Smtp(String host, int port, Optional<String> user, Optional<String> password, String from,
                       Duration timeout) {}

    /**
     * @param provider     {@code log} (development: the text is only logged) or {@code webhook}
     * @param webhookUrl   where the webhook provider POSTs {@code {to, text}}
     * @param webhookToken its bearer token
     */
    public record Sms(String provider, Optional<URI> webhookUrl, Optional<String> webhookToken, Duration timeout) {

        public static Sms log() {
            return new Sms("log", Optional.empty(), Optional.empty(), Duration.ofSeconds(10));
        }
    }
}
