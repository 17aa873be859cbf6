package org.ubcs.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ubcs.api.CustomersApi;
import org.ubcs.customer.rest.CustomerResource;

/** How a request's id is chosen, without starting the service. */
class RequestIdsTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void aValidTraceparentWins() {
        assertEquals(TRACE, RequestIds.choose("00-" + TRACE + "-00f067aa0ba902b7-01", "abc-123"));
        assertEquals(TRACE, RequestIds.choose("01-" + TRACE + "-00f067aa0ba902b7-00-future", null));
    }

    @ParameterizedTest
    @ValueSource(strings = { "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra", "00-abc-def-01", "" })
    void anInvalidTraceparentIsIgnored(String traceparent) {
        assertNull(RequestIds.traceId(traceparent));
        assertEquals("abc-123", RequestIds.choose(traceparent, "abc-123"));
    }

    @Test
    void aPlainRequestIdIsKept() {
        assertEquals("abc-123", RequestIds.choose(null, "abc-123"));
        assertEquals("A.b_c-9", RequestIds.choose(null, "A.b_c-9"));
        assertEquals("x".repeat(64), RequestIds.choose(null, "x".repeat(64)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "abc 123", "abc\n2026-01-01 INFO forged", "abc%0Aforged", "name@example.org",
            "a;b", "é" })
    void anythingElseIsReplaced(String given) {
        String chosen = RequestIds.choose(null, given);
        assertNotEquals(given, chosen);
        assertTrue(chosen.matches("[0-9a-f]{32}"), chosen);
        assertTrue(RequestIds.choose(null, "x".repeat(65)).matches("[0-9a-f]{32}"));
        assertTrue(RequestIds.choose(null, null).matches("[0-9a-f]{32}"));
        assertNotEquals(RequestIds.choose(null, null), RequestIds.choose(null, null));
    }

    @Test
    void theRouteIsTheContractsTemplateFoundOnTheGeneratedInterface() throws NoSuchMethodException {
        Method get = CustomerResource.class.getMethod("getCustomer", java.util.UUID.class);
        assertEquals("/customers/{customerId}", AccessLog.template(CustomerResource.class, get));
        Method onInterface = CustomersApi.class.getMethod("getCustomer", java.util.UUID.class);
        assertEquals("/customers/{customerId}", AccessLog.template(CustomersApi.class, onInterface));
    }
}
