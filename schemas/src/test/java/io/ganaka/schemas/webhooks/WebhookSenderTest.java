package io.ganaka.schemas.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import io.ganaka.schemas.webhooks.DeliveryOutcome.Result;
import io.ganaka.schemas.webhooks.WebhookSignature.Verdict;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender against a receiver in this JVM on a free loopback port: what arrives, and how each ending is classified. */
class WebhookSenderTest {

    private static final String SECRET = "whsec_sender_test";
    private static final byte[] BODY = "{\"id\":\"e1\",\"type\":\"expense.added\",\"data\":{}}"
            .getBytes(StandardCharsets.UTF_8);
    private static final WebhookSenderSettings LOOPBACK_ALLOWED = new WebhookSenderSettings(
            Duration.ofSeconds(2), Duration.ofSeconds(5), new WebhookTargetPolicy(true));

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger hits = new AtomicInteger();
    private HttpServer receiver;
    private WebhookSender sender;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        receiver.stop(0);
        if (sender != null) {
            sender.close();
        }
    }

    @Test
    void postsTheBodySignedWithTheSecretAndNamedByItsHeaders() throws Exception {
        AtomicReference<Headers> headers = new AtomicReference<>();
        AtomicReference<byte[]> body = new AtomicReference<>();
        receiver.createContext("/hook", exchange -> {
            headers.set(exchange.getRequestHeaders());
            body.set(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        sender = new WebhookSender(LOOPBACK_ALLOWED);

        DeliveryOutcome outcome = sender.send(delivery(url("/hook")));

        assertThat(outcome.result()).as(outcome.error()).isEqualTo(Result.SENT);
        assertThat(outcome.statusCode()).isEqualTo(204);
        assertThat(outcome.duration()).isPositive();
        assertThat(body.get()).isEqualTo(BODY);
        assertThat(headers.get().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(headers.get().getFirst("User-Agent")).isEqualTo(WebhookSender.USER_AGENT);
        assertThat(headers.get().getFirst("Ganaka-Event-Type")).isEqualTo("expense.added");
        assertThat(headers.get().getFirst("Ganaka-Delivery-Id")).isEqualTo("d-1");
        assertThat(WebhookSignature.verify(SECRET, headers.get().getFirst("Ganaka-Signature"), body.get(),
                Instant.now(), WebhookSignature.DEFAULT_TOLERANCE)).isEqualTo(Verdict.VALID);
    }

    @Test
    void aServerErrorIsWorthARetryAndKeepsItsRetryAfter() throws Exception {
        answer("/busy", 503, "30");
        sender = new WebhookSender(LOOPBACK_ALLOWED);

        DeliveryOutcome outcome = sender.send(delivery(url("/busy")));

        assertThat(outcome.result()).isEqualTo(Result.RETRY);
        assertThat(outcome.statusCode()).isEqualTo(503);
        assertThat(outcome.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aClientErrorIsAPermanentFailure() throws Exception {
        answer("/gone", 410, null);
        sender = new WebhookSender(LOOPBACK_ALLOWED);

        DeliveryOutcome outcome = sender.send(delivery(url("/gone")));

        assertThat(outcome.result()).isEqualTo(Result.FAILED);
        assertThat(outcome.statusCode()).isEqualTo(410);
        assertThat(outcome.error()).isEqualTo("the target answered 410");
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        receiver.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", url("/elsewhere"));
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        receiver.createContext("/elsewhere", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        sender = new WebhookSender(LOOPBACK_ALLOWED);

        DeliveryOutcome outcome = sender.send(delivery(url("/moved")));

        assertThat(outcome.result()).isEqualTo(Result.FAILED);
        assertThat(outcome.statusCode()).isEqualTo(307);
        assertThat(outcome.error()).contains("redirects are not followed");
        assertThat(hits).hasValue(0);
    }

    @Test
    void aTargetThatDoesNotAnswerInTimeIsWorthARetry() throws Exception {
        receiver.createContext("/slow", exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        sender = new WebhookSender(new WebhookSenderSettings(Duration.ofSeconds(2), Duration.ofMillis(300),
                new WebhookTargetPolicy(true)));

        DeliveryOutcome outcome = sender.send(delivery(url("/slow")));

        assertThat(outcome.result()).isEqualTo(Result.RETRY);
        assertThat(outcome.statusCode()).isNull();
        assertThat(outcome.error()).containsIgnoringCase("timed out");
    }

    @Test
    void aRefusedConnectionIsWorthARetry() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        sender = new WebhookSender(LOOPBACK_ALLOWED);

        DeliveryOutcome outcome = sender.send(delivery("http://127.0.0.1:" + closedPort + "/hook"));

        assertThat(outcome.result()).isEqualTo(Result.RETRY);
        assertThat(outcome.statusCode()).isNull();
        assertThat(outcome.error()).isEqualTo("could not connect (connection refused)");
    }

    @Test
    void aLoopbackTargetIsRefusedWithoutConnectingWhenPrivateTargetsAreNotAllowed() throws Exception {
        answer("/hook", 204, null);
        sender = new WebhookSender(new WebhookSenderSettings(Duration.ofSeconds(2), Duration.ofSeconds(5),
                new WebhookTargetPolicy(false)));

        DeliveryOutcome outcome = sender.send(delivery(url("/hook")));

        assertThat(outcome.result()).isEqualTo(Result.FAILED);
        assertThat(outcome.error()).contains(WebhookTargetPolicy.PRIVATE_TARGET);
        assertThat(hits).hasValue(0);
    }

    @Test
    void aNameThatResolvesToAPrivateAddressIsRefusedAtDeliveryTime() {
        sender = new WebhookSender(strictSettings(), host -> List.of(
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7")), Clock.systemUTC());

        DeliveryOutcome outcome = sender.send(delivery("https://hooks.example.org/in"));

        assertThat(outcome.result()).isEqualTo(Result.FAILED);
        assertThat(outcome.error()).contains("resolves to a loopback, private, link-local or multicast address");
    }

    @Test
    void aNameThatDoesNotResolveIsWorthARetry() {
        sender = new WebhookSender(strictSettings(), host -> {
            throw new UnknownHostException(host);
        }, Clock.systemUTC());

        DeliveryOutcome outcome = sender.send(delivery("https://nowhere.example.org/in"));

        assertThat(outcome.result()).isEqualTo(Result.RETRY);
        assertThat(outcome.error()).isEqualTo("could not resolve nowhere.example.org");
    }

    @Test
    void aLookupThatHangsEndsAtTheConnectTimeout() {
        sender = new WebhookSender(new WebhookSenderSettings(Duration.ofMillis(200), Duration.ofSeconds(5),
                new WebhookTargetPolicy(false)), host -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        }, Clock.systemUTC());

        DeliveryOutcome outcome = sender.send(delivery("https://slow-dns.example.org/in"));

        assertThat(outcome.result()).isEqualTo(Result.RETRY);
        assertThat(outcome.error()).isEqualTo("looking up slow-dns.example.org timed out");
    }

    private static WebhookSenderSettings strictSettings() {
        return new WebhookSenderSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), new WebhookTargetPolicy(false));
    }

    private void answer(String path, int status, String retryAfter) {
        receiver.createContext(path, exchange -> {
            hits.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private static WebhookDelivery delivery(String url) {
        return new WebhookDelivery(url, SECRET, "expense.added", "d-1", BODY);
    }
}
