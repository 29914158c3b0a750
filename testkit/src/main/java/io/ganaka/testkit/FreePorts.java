package io.ganaka.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Hands out TCP ports on 127.0.0.1 that are free at the moment of asking, so nothing assumes a fixed port. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port that was free on 127.0.0.1 when this returned; the kernel picks it from the ephemeral range. */
    public static int next() {
        try (ServerSocket socket = new ServerSocket()) {
            // No SO_REUSEADDR: a port still in TIME_WAIT is not handed out, so the caller can bind it right away.
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on 127.0.0.1", e);
        }
    }
}
