package io.ganaka.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ganaka.api.events.JetStreamPublisher;
import io.ganaka.api.live.LiveFeed;
import io.ganaka.api.live.LiveSettings;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Bad input on the dashboard WebSocket: garbage subprotocol offers and tickets are refused before the upgrade with a
 * 4xx problem, and random frames (bad opcodes, reserved bits, unmasked, invalid UTF-8, lying lengths, plain garbage)
 * on an open socket end in a close code that is not the server's own failure (1011), or are ignored. Throughout, a
 * second socket of the same user keeps answering pings and no socket is left behind in the hub.
 */
class DashboardSocketBadInputIT {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final int INTERNAL_ERROR = 1011;

    private static RunningApi api;
    private static ApiServer server;
    private static RunningApi.User user;
    private static WebSocket witness;
    private static final List<String> heardByWitness = new CopyOnWriteArrayList<>();

    /** One frame as a client could put it on the wire, right or wrong. */
    record Frame(boolean fin, int rsv, int opcode, boolean masked, byte[] payload, boolean lieAboutLength) {
        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
            int maskBit = masked ? 0x80 : 0;
            if (lieAboutLength) {
                out.write(maskBit | 127);
                out.writeBytes(new byte[] {0x7f, -1, -1, -1, -1, -1, -1, -1}); // 2^63 - 1 bytes announced
            } else if (payload.length < 126) {
                out.write(maskBit | payload.length);
            } else {
                out.write(maskBit | 126);
                out.write(payload.length >> 8);
                out.write(payload.length & 0xff);
            }
            byte[] mask = {0x12, 0x34, 0x56, 0x78};
            if (masked) {
                out.writeBytes(mask);
            }
            for (int i = 0; i < payload.length; i++) {
                out.write(masked ? payload[i] ^ mask[i % 4] : payload[i]);
            }
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return "Frame[fin=" + fin + ", rsv=" + rsv + ", opcode=" + opcode + ", masked=" + masked + ", "
                    + payload.length + " bytes, lie=" + lieAboutLength + "]";
        }
    }

    @BeforeContainer
    static void start() throws Exception {
        api = new RunningApi(ApiOptions.sharedEnvironment().namingSuffix("-wsbad"));
        server = ApiServer.start(api.dependencies(api.naming, new JetStreamPublisher(api.nats, api.naming, 16,
                        Duration.ofSeconds(5))).withLimits(TestLimits.GENEROUS)
                .withLive(new LiveFeed(api.nats, new LiveSettings(Duration.ofMinutes(5), 64, 1000, 10_000))));
        user = api.signedInUser();
        witness = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("ganaka.v1", "bearer." + user.token())
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws/dashboard"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        heardByWitness.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
        await().atMost(DEADLINE).until(() -> server.liveHub().openSockets() == 1);
    }

    @AfterContainer
    static void stop() throws Exception {
        if (witness != null) {
            witness.abort();
        }
        if (server != null) {
            server.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Property(tries = 60)
    void garbageOffersAndTicketsAreRefusedBeforeTheUpgrade(@ForAll("offers") String offer) throws Exception {
        Map<String, String> headers = upgradeHeaders();
        if (offer != null) {
            headers.put("Sec-WebSocket-Protocol", offer);
        }

        RawHttp.Response response = RawHttp.send(server.port(), "GET", "/ws/dashboard", headers, null);

        assertThat(response.status()).as(offer + " → " + response.body()).isBetween(400, 499);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(server.liveHub().openSockets()).isEqualTo(1);
    }

    @Property(tries = 40)
    void randomFramesOnAnOpenSocketNeverFailTheServer(@ForAll("frames") List<Frame> frames,
                                                       @ForAll("garbage") byte[] trailingGarbage) throws Exception {
        List<Integer> closeCodes = new ArrayList<>();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) DEADLINE.toMillis());
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            open(out, in);
            await().atMost(DEADLINE).until(() -> server.liveHub().openSockets() == 2);
            try {
                for (Frame frame : frames) {
                    out.write(frame.bytes());
                }
                out.write(trailingGarbage);
                // A proper close last: the server answers it unless it has already closed, so reading ends.
                out.write(new Frame(true, 0, 0x8, true, new byte[] {0x03, (byte) 0xe8}, false).bytes());
                out.flush();
                // And the end of the stream: a frame left incomplete by the garbage cannot keep the server waiting.
                socket.shutdownOutput();
            } catch (SocketException closedByServer) {
                // The server closed the connection on an earlier frame: what it said is still to be read.
            }
            readServerFrames(in, closeCodes);
        }

        assertThat(closeCodes).as("close codes for %s", frames).doesNotContain(INTERNAL_ERROR);
        await().atMost(DEADLINE).until(() -> server.liveHub().openSockets() == 1);
        int heard = heardByWitness.size();
        witness.sendText("{\"type\":\"ping\"}", true).get(10, TimeUnit.SECONDS);
        await().atMost(DEADLINE).until(() -> heardByWitness.subList(heard, heardByWitness.size()).stream()
                .anyMatch(m -> m.contains("\"pong\"")));
        assertThat(api.client.get("/health", null).statusCode()).isEqualTo(200);
    }

    // ---- what is sent ------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> offers() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", ",", ",,,", "ganaka.v1", "ganaka.v2", "bearer.x", "ganaka.v1, bearer.",
                        "ganaka.v1, bearer.garbage", "ganaka.v1, ticket.", "ganaka.v1, ticket.garbage",
                        "ganaka.v1, ticket." + "A".repeat(2000), "bearer.VALID, ganaka.v1", "ganaka.v1,bearer.VALID x",
                        "ganaka.v1, basic.dXNlcg==", "GANAKA.V1, bearer.VALID", "ganaka.v1, bearer.VALID.",
                        "ganaka.v1;q=1, bearer.VALID", "ganaka.v1, bearer.\u00e4\u00f6", "ganaka.v1, \u0000")
                        .map(offer -> offer.replace("VALID", user.token())),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60).map(s -> "ganaka.v1, " + s),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60));
    }

    @Provide
    Arbitrary<List<Frame>> frames() {
        Arbitrary<byte[]> payload = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                Arbitraries.of("{\"type\":\"ping\"}", "{\"type\":", "[]", "null", "\"x\"", "{\"type\":\"snapshot\"}",
                        "[".repeat(3000)).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of(new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                        new byte[] {(byte) 0xff}));
        Arbitrary<Frame> frame = Combinators.combine(
                        Arbitraries.of(true, true, true, false),
                        Arbitraries.of(0, 0, 0, 0, 1, 2, 4, 7),
                        Arbitraries.of(0x1, 0x1, 0x1, 0x2, 0x0, 0x9, 0xA, 0x3, 0x7, 0xB, 0xF, 0x8),
                        Arbitraries.of(true, true, true, false),
                        payload,
                        Arbitraries.of(false, false, false, false, false, false, false, false, false, true))
                .as(Frame::new);
        return frame.list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    }

    // ---- the WebSocket protocol, just enough of it -------------------------------------------------------------

    private static Map<String, String> upgradeHeaders() {
        byte[] key = new byte[16];
        new java.security.SecureRandom().nextBytes(key);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Connection", "Upgrade, close");
        headers.put("Upgrade", "websocket");
        headers.put("Sec-WebSocket-Version", "13");
        headers.put("Sec-WebSocket-Key", Base64.getEncoder().encodeToString(key));
        return headers;
    }

    /** Performs the opening handshake with the user's token; returns once the server has switched protocols. */
    private static void open(OutputStream out, InputStream in) throws IOException {
        StringBuilder request = new StringBuilder("GET /ws/dashboard HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        Map<String, String> headers = upgradeHeaders();
        headers.put("Connection", "Upgrade");
        headers.put("Sec-WebSocket-Protocol", "ganaka.v1, bearer." + user.token());
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("closed during the handshake: " + head);
            }
            head.append((char) b);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 101");
    }

    /** Reads the server's frames until it closes the connection, collecting the codes of its close frames. */
    private static void readServerFrames(DataInputStream in, List<Integer> closeCodes) throws IOException {
        try {
            while (true) {
                int first = in.readUnsignedByte();
                int second = in.readUnsignedByte();
                long length = second & 0x7f;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                if ((first & 0x0f) == 0x8 && payload.length >= 2) {
                    closeCodes.add(ByteBuffer.wrap(payload, 0, 2).getShort() & 0xffff);
                }
            }
        } catch (EOFException | SocketException closed) {
            // The server closed the connection: every frame it sent has been read.
        }
    }
}
