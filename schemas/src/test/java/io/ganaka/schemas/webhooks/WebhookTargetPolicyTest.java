package io.ganaka.schemas.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookTargetPolicyTest {

    private final WebhookTargetPolicy strict = new WebhookTargetPolicy(false);
    private final WebhookTargetPolicy lenient = new WebhookTargetPolicy(true);

    @Test
    void acceptsPublicHttpAndHttpsUrls() {
        for (String url : List.of("https://hooks.example.org/ganaka", "http://hooks.example.org:8080/in?x=1",
                "HTTPS://Hooks.Example.org", "https://93.184.216.34/hook", "https://[2606:2800:220:1::1]/hook")) {
            assertThat(strict.problem(url)).as(url).isEmpty();
        }
    }

    @Test
    void refusesWhatIsNotAnAbsoluteHttpUrl() {
        for (String url : List.of("", "hooks.example.org/x", "/relative", "ftp://hooks.example.org/",
                "mailto:ops@example.org", "https://", "https:///path", "javascript:alert(1)", "https://exa mple.org/",
                "file:///etc/passwd")) {
            assertThat(strict.problem(url)).as(url).contains("must be an absolute http or https URL");
        }
    }

    @Test
    void refusesCredentialsFragmentsPortZeroAndOverlongUrls() {
        assertThat(strict.problem("https://user:pass@hooks.example.org/")).contains(
                "must not contain credentials (user:password@)");
        assertThat(strict.problem("https://hooks.example.org/#frag")).contains("must not contain a fragment (#...)");
        assertThat(strict.problem("https://hooks.example.org:0/")).contains("must not use port 0");
        String longUrl = "https://hooks.example.org/" + "a".repeat(WebhookTargetPolicy.MAX_URL_LENGTH);
        assertThat(strict.problem(longUrl)).contains("must be at most 2048 characters long");
        String longest = "https://hooks.example.org/" + "a".repeat(WebhookTargetPolicy.MAX_URL_LENGTH - 26);
        assertThat(strict.problem(longest)).isEmpty();
    }

    @Test
    void refusesLoopbackPrivateLinkLocalAndMulticastLiteralsUnlessAllowed() {
        for (String url : List.of("http://127.0.0.1:8080/", "http://localhost/", "http://LOCALHOST./x",
                "http://api.localhost/", "http://10.1.2.3/", "http://172.16.0.1/", "http://192.168.1.1/",
                "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/", "http://0.0.0.0/",
                "http://224.0.0.1/", "http://255.255.255.255/", "http://[::1]/", "http://[fe80::1]/",
                "http://[fd00::1]/", "http://[::ffff:127.0.0.1]/", "http://[::]/", "http://[ff02::1]/",
                "http://[64:ff9b::a00:1]/", "http://[2002:c0a8:101::1]/")) {
            assertThat(strict.problem(url)).as(url).contains(WebhookTargetPolicy.PRIVATE_TARGET);
            assertThat(lenient.problem(url)).as(url + " when allowed").isEmpty();
        }
    }

    @Test
    void refusesNumericHostsInFormsResolversReadDifferently() {
        for (String url : List.of("http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/")) {
            assertThat(strict.problem(url)).as(url).contains("must name a host, or an IPv4 address in dotted form");
            assertThat(lenient.problem(url)).as(url).isPresent();
        }
        // The URI parser itself finds no host in these.
        assertThat(lenient.problem("http://127.1/")).contains("must be an absolute http or https URL");
        assertThat(lenient.problem("http://256.1.1.1/")).contains("must be an absolute http or https URL");
    }

    @Test
    void allowsResolvedAddressesOnlyWhenEveryOneIsPublic() throws Exception {
        InetAddress publicV4 = InetAddress.getByName("93.184.216.34");
        InetAddress publicV6 = InetAddress.getByName("2606:2800:220:1::1");
        InetAddress loopback = InetAddress.getByName("127.0.0.1");

        assertThat(strict.allows(List.of(publicV4, publicV6))).isTrue();
        assertThat(strict.allows(List.of(publicV4, loopback))).isFalse();
        assertThat(lenient.allows(List.of(publicV4, loopback))).isTrue();
    }

    @Test
    void knowsThePublicAndTheReservedRanges() throws Exception {
        for (String address : List.of("8.8.8.8", "1.1.1.1", "100.128.0.1", "172.32.0.1", "192.169.0.1",
                "2001:4860:4860::8888", "::ffff:8.8.8.8")) {
            assertThat(WebhookTargetPolicy.isPublic(InetAddress.getByName(address))).as(address).isTrue();
        }
        for (String address : List.of("127.5.5.5", "10.255.0.1", "172.31.255.255", "192.168.0.1", "169.254.0.1",
                "100.127.255.255", "198.18.0.1", "192.0.0.8", "240.0.0.1", "fc00::1", "fec0::1", "::127.0.0.1")) {
            assertThat(WebhookTargetPolicy.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        }
    }
}
