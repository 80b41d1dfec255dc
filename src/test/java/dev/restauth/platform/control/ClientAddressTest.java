package dev.restauth.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** DRF's NUM_PROXIES rule for the client address. */
class ClientAddressTest {

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("192.0.2.1", ClientAddress.of("192.0.2.1", "198.51.100.7", 0));
    }

    @Test
    void withTrustedProxiesTheClientIsThatManyHopsFromTheRight() {
        String header = "10.9.9.9, 198.51.100.7, 192.0.2.50";
        assertEquals("192.0.2.50", ClientAddress.of("192.0.2.1", header, 1));
        assertEquals("198.51.100.7", ClientAddress.of("192.0.2.1", header, 2));
    }

    @Test
    void moreTrustedProxiesThanHopsTakesTheLeftmost() {
        assertEquals("198.51.100.7", ClientAddress.of("192.0.2.1", "198.51.100.7, 192.0.2.50", 5));
    }

    @Test
    void aMissingOrEmptyHeaderFallsBackToTheConnection() {
        assertEquals("192.0.2.1", ClientAddress.of("192.0.2.1", null, 1));
        assertEquals("192.0.2.1", ClientAddress.of("192.0.2.1", " ", 1));
        assertEquals("192.0.2.1", ClientAddress.of("192.0.2.1", "198.51.100.7, ", 1));
    }
}
