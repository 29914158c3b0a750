package io.ganaka.schemas.webhooks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;

/**
 * Sends one signed webhook delivery and says how it went; it never throws for the target's sake. Redirects are not
 * followed; the answer's body is read and dropped; every step is bounded by the settings' timeouts. Before connecting
 * it resolves the host itself and refuses addresses the {@link WebhookTargetPolicy} does not allow. (The HTTP client
 * resolves the name again to connect; a name that changes its answer between the two lookups can slip through, which a
 * network-level egress rule closes for good.) Retrying is the caller's job: the outcome says whether it is worth it.
 */
public final class WebhookSender implements AutoCloseable {

    public static final String EVENT_TYPE_HEADER = "Ganaka-Event-Type";
    public static final String DELIVERY_ID_HEADER = "Ganaka-Delivery-Id";
    public static final String USER_AGENT = "Ganaka-Webhooks/1";

    /** Looks a host name up; a literal address comes back as it is. */
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final WebhookSenderSettings settings;
    private final Resolver resolver;
    private final Clock clock;
    private final HttpClient http;
    /** Name lookups block without a deadline of their own, so they run here and the sender waits a bounded time. */
    private final ExecutorService lookups = Executors.newCachedThreadPool(daemonThreads());

    public WebhookSender(WebhookSenderSettings settings) {
        this(settings, host -> List.of(InetAddress.getAllByName(host)), Clock.systemUTC());
    }

    public WebhookSender(WebhookSenderSettings settings, Resolver resolver, Clock clock) {
        this.settings = settings;
        this.resolver = resolver;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    public DeliveryOutcome send(WebhookDelivery delivery) {
        long start = System.nanoTime();
        Optional<String> problem = settings.policy().problem(delivery.url());
        if (problem.isPresent()) {
            return DeliveryOutcome.failed("the URL " + problem.get(), since(start));
        }
        URI uri = URI.create(delivery.url());
        Optional<DeliveryOutcome> refused = checkAddresses(uri.getHost(), start);
        if (refused.isPresent()) {
            return refused.get();
        }
        CompletableFuture<HttpResponse<Void>> answer = http.sendAsync(request(uri, delivery), BodyHandlers.discarding());
        try {
            // The request timeout ends at the answer's headers; this one also bounds reading the body.
            HttpResponse<Void> response = answer.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return DeliveryOutcome.ofAnswer(response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null), since(start), clock.instant());
        } catch (TimeoutException e) {
            answer.cancel(true);
            return DeliveryOutcome.retry("timed out after " + settings.timeout().toMillis() + " ms", since(start));
        } catch (ExecutionException e) {
            return DeliveryOutcome.retry(describe(e.getCause()), since(start));
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return DeliveryOutcome.retry("interrupted before the target answered", since(start));
        }
    }

    private HttpRequest request(URI uri, WebhookDelivery delivery) {
        return HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(WebhookSignature.HEADER, WebhookSignature.header(delivery.secret(), clock.instant(),
                        delivery.body()))
                .header(EVENT_TYPE_HEADER, delivery.eventType())
                .header(DELIVERY_ID_HEADER, delivery.deliveryId())
                .POST(BodyPublishers.ofByteArray(delivery.body()))
                .build();
    }

    /** Resolves the host within the connect timeout; an outcome when the delivery must stop here. */
    private Optional<DeliveryOutcome> checkAddresses(String host, long start) {
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        CompletableFuture<List<InetAddress>> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                return resolver.resolve(name);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }, lookups);
        List<InetAddress> addresses;
        try {
            addresses = lookup.get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            return Optional.of(DeliveryOutcome.retry("looking up " + name + " timed out", since(start)));
        } catch (ExecutionException e) {
            // A name that does not resolve may be a passing DNS fault as well as a typo: worth another try.
            return Optional.of(DeliveryOutcome.retry("could not resolve " + name, since(start)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(DeliveryOutcome.retry("interrupted before the target answered", since(start)));
        }
        if (addresses.isEmpty() || !settings.policy().allows(addresses)) {
            return Optional.of(DeliveryOutcome.failed("the target resolves to a loopback, private, link-local or"
                    + " multicast address, which webhooks may not reach", since(start)));
        }
        return Optional.empty();
    }

    /** What a failed exchange was, in words; every such failure is worth another try. */
    static String describe(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "connecting timed out";
        }
        if (failure instanceof HttpTimeoutException) {
            return "timed out waiting for the answer";
        }
        if (failure instanceof ConnectException) {
            return "could not connect (connection refused)";
        }
        if (failure instanceof SSLException) {
            return "TLS failed: " + failure.getMessage();
        }
        if (failure instanceof IOException) {
            return "the connection failed: " + (failure.getMessage() == null
                    ? failure.getClass().getSimpleName() : failure.getMessage());
        }
        return "the request failed: " + failure.getClass().getSimpleName();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() {
        lookups.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "ganaka-webhook-lookup-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
