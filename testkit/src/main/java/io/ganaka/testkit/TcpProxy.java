package io.ganaka.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy on a free port of 127.0.0.1 in front of one service, for fault tests that must make a shared service
 * unreachable without touching it: {@link #cut()} closes every connection and refuses new ones (each is accepted and
 * closed at once, as a service that went away), {@link #hang()} accepts new connections and never answers nor
 * forwards them (a server that hangs), {@link #restore()} forwards again.
 */
public final class TcpProxy implements AutoCloseable {

    /** What the proxy does with a connection. */
    public enum Mode { FORWARD, CUT, HANG }

    private static final Logger LOG = LoggerFactory.getLogger(TcpProxy.class);

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tcp-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.FORWARD);

    private TcpProxy(String targetHost, int targetPort, ServerSocket server) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = server;
    }

    /** Starts forwarding a free port of 127.0.0.1 to {@code targetHost:targetPort}. */
    public static TcpProxy start(String targetHost, int targetPort) {
        try {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            TcpProxy proxy = new TcpProxy(targetHost, targetPort, server);
            proxy.threads.execute(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a TCP proxy to " + targetHost + ":" + targetPort, e);
        }
    }

    /** The port clients connect to. */
    public int port() {
        return server.getLocalPort();
    }

    public Mode mode() {
        return mode.get();
    }

    /** Closes every open connection and refuses new ones until {@link #restore()}. */
    public void cut() {
        mode.set(Mode.CUT);
        closeOpen();
    }

    /** Closes every open connection; new ones are accepted and then left without an answer until {@link #restore()}. */
    public void hang() {
        mode.set(Mode.HANG);
        closeOpen();
    }

    /** Forwards new connections again; connections held by {@link #hang()} are closed. */
    public void restore() {
        mode.set(Mode.FORWARD);
        closeOpen();
    }

    @Override
    public void close() {
        mode.set(Mode.CUT);
        closeQuietly(server);
        closeOpen();
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("TCP proxy on port {} stopped accepting: {}", port(), e.toString());
                }
                return;
            }
            switch (mode.get()) {
                case CUT -> closeQuietly(client);
                case HANG -> open.add(client); // held open, never read from nor answered
                case FORWARD -> threads.execute(() -> connect(client));
            }
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        open.add(client);
        open.add(upstream);
        if (mode.get() != Mode.FORWARD) { // cut while connecting
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        threads.execute(() -> pipe(client, upstream));
        threads.execute(() -> pipe(upstream, client));
    }

    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (SocketException e) {
            // closed by cut(), or by either end: the other direction ends too
        } catch (IOException e) {
            LOG.debug("TCP proxy pipe ended: {}", e.toString());
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeOpen() {
        for (Socket socket : open) {
            closeQuietly(socket);
            open.remove(socket);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed, or closing a socket whose peer went away: nothing left to release
        }
    }
}
