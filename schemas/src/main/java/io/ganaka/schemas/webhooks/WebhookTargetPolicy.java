package io.ganaka.schemas.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where webhooks may point. A URL is absolute http(s) with a host, at most {@value #MAX_URL_LENGTH} characters,
 * without credentials or fragment. Unless private targets are allowed (development and tests), the target must be a
 * public address: a literal IP or {@code localhost} is checked when the URL is stored, and every address a host name
 * resolves to is checked again before each delivery, so that a name later pointed inside the network is refused too.
 */
public record WebhookTargetPolicy(boolean allowPrivateTargets) {

    public static final int MAX_URL_LENGTH = 2048;
    public static final String PRIVATE_TARGET =
            "must not point at a loopback, private, link-local or multicast address";
    private static final Pattern DOTTED_QUAD =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** A last label of digits or hex: the host is meant as a number, which only the dotted-quad form may be. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("(?i)(0x[0-9a-f]*|\\d+)");

    /** What is wrong with {@code url} as a webhook target, phrased to follow the field name; empty when it is fine. */
    public Optional<String> problem(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("must be at most " + MAX_URL_LENGTH + " characters long");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute http or https URL");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.isOpaque() || uri.getHost() == null) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain credentials (user:password@)");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not contain a fragment (#...)");
        }
        if (uri.getPort() == 0) {
            return Optional.of("must not use port 0");
        }
        String host = uri.getHost();
        Optional<InetAddress> literal;
        try {
            literal = literalAddress(host);
        } catch (UnknownHostException e) {
            return Optional.of("must name a host, or an IPv4 address in dotted form");
        }
        if (allowPrivateTargets) {
            return Optional.empty();
        }
        boolean local = literal.map(a -> !isPublic(a)).orElseGet(() -> isLocalhostName(host));
        return local ? Optional.of(PRIVATE_TARGET) : Optional.empty();
    }

    /** Whether a delivery may go to these resolved addresses: all of them public, unless private ones are allowed. */
    public boolean allows(List<InetAddress> addresses) {
        return allowPrivateTargets || addresses.stream().allMatch(WebhookTargetPolicy::isPublic);
    }

    /**
     * The address written in a URL's host without asking DNS: an IPv6 literal, a dotted quad, or nothing for a name.
     *
     * @throws UnknownHostException for a number in another form ({@code 2130706433}, {@code 0x7f.1}), which resolvers
     *                              read differently and which therefore must not be stored
     */
    static Optional<InetAddress> literalAddress(String host) throws UnknownHostException {
        if (host.startsWith("[") && host.endsWith("]")) {
            // The URI parser accepted it as an IPv6 literal, so no lookup happens here.
            return Optional.of(InetAddress.getByName(host.substring(1, host.length() - 1)));
        }
        String name = stripTrailingDot(host);
        if (DOTTED_QUAD.matcher(name).matches()) {
            String[] parts = name.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                bytes[i] = (byte) Integer.parseInt(parts[i]);
            }
            return Optional.of(InetAddress.getByAddress(bytes));
        }
        String lastLabel = name.substring(name.lastIndexOf('.') + 1);
        if (NUMERIC_LABEL.matcher(lastLabel).matches()) {
            throw new UnknownHostException("numeric host not in dotted-quad form");
        }
        return Optional.empty();
    }

    private static boolean isLocalhostName(String host) {
        String name = stripTrailingDot(host).toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.endsWith(".localhost");
    }

    private static String stripTrailingDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** Whether an address is on the public internet: none of the loopback, private, shared or reserved ranges. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        return b.length == 4 ? isPublicV4(b) : isPublicV6(b);
    }

    private static boolean isPublicV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return !(first == 0                                        // "this network"
                || first == 10
                || first == 127
                || (first == 100 && (second & 0xc0) == 64)         // 100.64.0.0/10, carrier-grade NAT
                || (first == 169 && second == 254)                 // link-local, cloud metadata services
                || (first == 172 && (second & 0xf0) == 16)
                || (first == 192 && second == 168)
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0)   // IETF protocol assignments
                || (first == 198 && (second & 0xfe) == 18)         // 198.18.0.0/15, benchmarking
                || first >= 224);                                  // multicast, reserved, broadcast
    }

    private static boolean isPublicV6(byte[] b) {
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc || first == 0xff) {             // fc00::/7 unique local, ff00::/8 multicast
            return false;
        }
        if (startsWith(b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)      // ::a.b.c.d, IPv4-compatible
                || startsWith(b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff)   // ::ffff:a.b.c.d, IPv4-mapped
                || startsWith(b, 0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0)) { // 64:ff9b::/96, NAT64
            return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
        }
        if (startsWith(b, 0x20, 0x02)) {                           // 2002::/16, 6to4 carries an IPv4 address
            return isPublicV4(new byte[] {b[2], b[3], b[4], b[5]});
        }
        return true;
    }

    private static boolean startsWith(byte[] address, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((address[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
