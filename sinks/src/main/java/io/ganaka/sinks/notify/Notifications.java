package io.ganaka.sinks.notify;

import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.ganaka.schemas.webhooks.WebhookSender;
import io.ganaka.schemas.webhooks.WebhookSenderSettings;
import io.ganaka.schemas.webhooks.WebhookTargetPolicy;
import io.ganaka.sinks.SinkObserver;
import io.ganaka.sinks.SinkSettings;
import io.ganaka.sinks.Sinks;
import io.ganaka.sinks.webhooks.WebhookStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifications of the sinks role: the intake sinks of {@code ganaka.alerts}, {@code ganaka.users},
 * {@code ganaka.reports.updates}, and for webhooks also {@code ganaka.expenses.categorized} and
 * {@code ganaka.notifications}, and the dispatcher that delivers what they stored. Closing stops the intake after its
 * batch, then the dispatcher after its batch, then the event producer and the channels.
 */
public final class Notifications implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Sinks intake;
    private final NotificationDispatcher dispatcher;
    private final KafkaNotificationEvents events;
    private final List<NotificationChannel> channels;

    private Notifications(Sinks intake, NotificationDispatcher dispatcher, KafkaNotificationEvents events,
                          List<NotificationChannel> channels) {
        this.intake = intake;
        this.dispatcher = dispatcher;
        this.events = events;
        this.channels = channels;
    }

    /** E-mail (SMTP), SMS (the configured provider) and in-app (NATS core) as the settings describe them. */
    public static List<NotificationChannel> standardChannels(NotificationSettings settings,
                                                             io.nats.client.Connection nats, Naming naming) {
        SmsProvider sms = settings.sms().provider().equals("webhook")
                ? new WebhookSmsProvider(settings.sms().webhookUrl().orElseThrow(),
                        settings.sms().webhookToken().orElse(""), settings.sms().timeout())
                : new LogSmsProvider();
        return List.of(new EmailChannel(settings.smtp()), new SmsChannel(sms),
                new InAppChannel(nats, naming, Duration.ofSeconds(5)));
    }

    /**
     * The standard channels and outgoing webhooks, which may reach only the targets {@code webhookPolicy} allows; a
     * delivery connects within 3 s and is answered within 10 s, or is retried.
     */
    public static List<NotificationChannel> standardChannels(NotificationSettings settings,
                                                             io.nats.client.Connection nats, Naming naming,
                                                             DataSource db, WebhookTargetPolicy webhookPolicy) {
        List<NotificationChannel> channels = new ArrayList<>(standardChannels(settings, nats, naming));
        channels.add(new WebhookChannel(new WebhookStore(db), new WebhookSender(
                new WebhookSenderSettings(Duration.ofSeconds(3), Duration.ofSeconds(10), webhookPolicy))));
        return List.copyOf(channels);
    }

    /**
     * Starts intake and dispatcher over the given channels (the standard ones, plus any other such as a webhook
     * channel); returns at once.
     */
    public static Notifications start(NotificationSettings settings, SinkSettings sinkSettings, DataSource db,
                                      List<NotificationChannel> channels) {
        return start(settings, sinkSettings, db, channels, NotificationOutcomes.NONE, SinkObserver.NONE);
    }

    /** Starts as above, telling {@code outcomes} how each notification ended and {@code observer} about intake. */
    public static Notifications start(NotificationSettings settings, SinkSettings sinkSettings, DataSource db,
                                      List<NotificationChannel> channels, NotificationOutcomes outcomes,
                                      SinkObserver observer) {
        Naming naming = sinkSettings.naming();
        NotificationIntake intake = new NotificationIntake(channels, new NotificationTemplates(), Clock.systemUTC(),
                naming.prefix());
        WebhookIntake webhooks = new WebhookIntake(Clock.systemUTC(), naming.prefix());
        List<NotificationIntakeSink> sinks = new ArrayList<>();
        sinks.add(new NotificationIntakeSink("notify-alerts", naming.topic(Topic.ALERTS), intake, webhooks));
        sinks.add(new NotificationIntakeSink("notify-users", naming.topic(Topic.USERS), intake, webhooks));
        sinks.add(new NotificationIntakeSink("notify-reports", naming.topic(Topic.REPORTS_UPDATES), intake, webhooks));
        sinks.add(new NotificationIntakeSink("notify-expenses", naming.topic(Topic.EXPENSES_CATEGORIZED), intake,
                webhooks));
        sinks.add(new NotificationIntakeSink("notify-notifications", naming.topic(Topic.NOTIFICATIONS), intake,
                webhooks));
        KafkaNotificationEvents events = new KafkaNotificationEvents(sinkSettings.kafkaBootstrapServers(),
                naming.groupId("notify-events"), naming.topic(Topic.NOTIFICATIONS));
        Sinks running;
        try {
            running = Sinks.startOnly(sinkSettings, db, sinks, observer);
        } catch (RuntimeException e) {
            events.close();
            throw e;
        }
        NotificationDispatcher dispatcher = new NotificationDispatcher(new NotificationStore(db, naming.prefix()), channels, events,
                settings.dispatcher(), Clock.systemUTC(), outcomes);
        Thread thread = new Thread(dispatcher, "ganaka-notify-dispatcher");
        thread.start();
        LOG.info("notifications dispatching over {}", channels.stream().map(NotificationChannel::name).toList());
        return new Notifications(running, dispatcher, events, List.copyOf(channels));
    }

    @Override
    public void close() {
        intake.close();
        dispatcher.requestStop();
        try {
            if (!dispatcher.awaitStopped(STOP_TIMEOUT)) {
                LOG.warn("notification dispatcher did not stop within {}", STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        events.close();
        for (NotificationChannel channel : channels) {
            if (channel instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("closing the {} channel failed: {}", channel.name(), e.toString());
                }
            }
        }
    }
}
