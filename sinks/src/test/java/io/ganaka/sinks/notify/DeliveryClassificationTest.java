package io.ganaka.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which delivery problems are retried and which are permanent, for e-mail and for the SMS webhook. */
class DeliveryClassificationTest {

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aRecipientRefusedWith5xxIsPermanentAndWith4xxRetried() throws Exception {
        InternetAddress to = new InternetAddress("nobody@example.org");
        SendFailedException refused = new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(to, "RCPT TO", 550, "550 no such user"));
        assertThat(EmailChannel.classify(refused)).isInstanceOf(DeliveryOutcome.Failed.class);
        SendFailedException greylisted = new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(to, "RCPT TO", 451, "451 try later"));
        assertThat(EmailChannel.classify(greylisted)).isInstanceOf(DeliveryOutcome.Retry.class);
    }

    @Test
    void aMessageRefusedWith5xxIsPermanent() {
        SMTPSendFailedException rejected = new SMTPSendFailedException("DATA", 554, "554 spam", null, null, null,
                null);
        assertThat(EmailChannel.classify(rejected)).isInstanceOf(DeliveryOutcome.Failed.class);
    }

    @Test
    void noConnectionOrRefusedCredentialsAreRetried() {
        assertThat(EmailChannel.classify(new MailConnectException(new org.eclipse.angus.mail.util.SocketConnectException("refused", new java.net.ConnectException("refused"), "127.0.0.1", 2525, 1000))))
                .isInstanceOf(DeliveryOutcome.Retry.class);
        assertThat(EmailChannel.classify(new AuthenticationFailedException("535 bad credentials")))
                .isInstanceOf(DeliveryOutcome.Retry.class);
        assertThat(EmailChannel.classify(new MessagingException("socket closed")))
                .isInstanceOf(DeliveryOutcome.Retry.class);
    }

    @Test
    void theSmsWebhooksStatusDecides() {
        assertThat(WebhookSmsProvider.classify(200, "")).isEqualTo(DeliveryOutcome.SENT);
        assertThat(WebhookSmsProvider.classify(202, "{}")).isEqualTo(DeliveryOutcome.SENT);
        assertThat(WebhookSmsProvider.classify(400, "bad number"))
                .isEqualTo(DeliveryOutcome.failed("SMS webhook answered 400: bad number"));
        assertThat(WebhookSmsProvider.classify(404, null)).isInstanceOf(DeliveryOutcome.Failed.class);
        assertThat(WebhookSmsProvider.classify(429, "slow down")).isInstanceOf(DeliveryOutcome.Retry.class);
        assertThat(WebhookSmsProvider.classify(500, "")).isInstanceOf(DeliveryOutcome.Retry.class);
        assertThat(WebhookSmsProvider.classify(503, "")).isInstanceOf(DeliveryOutcome.Retry.class);
    }

    @Test
    void theSmsWebhookGetsTheNumberTheTextAndTheToken() throws Exception {
        AtomicReference<String> body = new AtomicReference<>();
        AtomicReference<String> auth = new AtomicReference<>();
        URI url = serve(exchange -> {
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            auth.set(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        DeliveryOutcome outcome = new WebhookSmsProvider(url, "s3cret", Duration.ofSeconds(5))
                .send("+4915112345678", "Hallo \"Asha\"");
        assertThat(outcome).isEqualTo(DeliveryOutcome.SENT);
        assertThat(io.ganaka.schemas.Json.MAPPER.readTree(body.get())).isEqualTo(io.ganaka.schemas.Json.MAPPER
                .readTree("{\"to\":\"+4915112345678\",\"text\":\"Hallo \\\"Asha\\\"\"}"));
        assertThat(auth.get()).isEqualTo("Bearer s3cret");
    }

    @Test
    void aSlowSmsWebhookIsRetried() throws Exception {
        URI url = serve(exchange -> {
            try {
                release.await(); // answers only when the test is over
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        DeliveryOutcome outcome = new WebhookSmsProvider(url, "t", Duration.ofMillis(200)).send("+1", "x");
        assertThat(outcome).isInstanceOf(DeliveryOutcome.Retry.class);
        assertThat(((DeliveryOutcome.Retry) outcome).error()).contains("timed out");
    }

    @Test
    void anUnreachableSmsWebhookIsRetried() throws Exception {
        int port = io.ganaka.testkit.FreePorts.next();
        DeliveryOutcome outcome = new WebhookSmsProvider(URI.create("http://127.0.0.1:" + port + "/sms"), "t",
                Duration.ofSeconds(2)).send("+1", "x");
        assertThat(outcome).isInstanceOf(DeliveryOutcome.Retry.class);
    }

    private URI serve(com.sun.net.httpserver.HttpHandler handler) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", handler);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
    }
}
