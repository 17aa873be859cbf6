package org.ubcs.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ubcs.support.Seeded;

/** One identifier, however written, has one normal form; what cannot be recognised has none. */
class IdentifiersTest {

    static Stream<Arguments> ukNumbers() {
        return Seeded.cases(20261203L, 300, random -> switch (random.nextInt(3)) {
            case 0 -> new Object[] { PhoneFormats.uk("1604999111", 4, random), "+441604999111" };
            case 1 -> new Object[] { PhoneFormats.uk("2079460018", 2, random), "+442079460018" };
            default -> new Object[] { PhoneFormats.uk("7700900123", 4, random), "+447700900123" };
        });
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("ukNumbers")
    void aUkNumberHasOneFormHoweverItIsWritten(String written, String e164) {
        assertEquals(e164, Identifiers.phone(written));
    }

    static Stream<Arguments> numbersAbroad() {
        return Seeded.cases(31L, 100, random -> random.nextBoolean()
                ? new Object[] { PhoneFormats.abroad("1", "2025550143", random), "+12025550143" }
                : new Object[] { PhoneFormats.abroad("353", "12345678", random), "+35312345678" });
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("numbersAbroad")
    void aNumberAbroadHasOneFormWithItsCountryCode(String written, String e164) {
        assertEquals(e164, Identifiers.phone(written));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "abc", "12", "123456", "+44 1234", "01604 999111 ext 2", "016049991111111",
        "01604\u0000999111", "0800 FLOWERS", "++44 1604 999111" })
    void whatIsNotAWholeNumberHasNoForm(String written) {
        assertNull(Identifiers.phone(written), written);
    }

    @Test
    void aPostcodeHasOneFormHoweverSpacedOrCased() {
        for (String written : new String[] { "cb30ap", "CB3 0AP", " cb3  0ap ", "Cb3 0aP", "CB30AP" }) {
            assertEquals("CB3 0AP", Identifiers.postcode(written), written);
            assertEquals("CB30AP", Identifiers.postcodeKey(written), written);
        }
        assertEquals("SW1A 1AA", Identifiers.postcode("sw1a1aa"));
        assertEquals("M1 1AE", Identifiers.postcode("m11ae"));
        for (String notOne : new String[] { "NOPE", "CB3", "12345", "CB3 0AP X", "" }) {
            assertNull(Identifiers.postcode(notOne), notOne);
        }
    }

    @Test
    void anEmailIsComparedAsTheAddressIgnoringCaseAndSurroundingSpaces() {
        assertEquals("alex@example.org", Identifiers.emailKey("  Alex@EXAMPLE.org "));
        assertEquals(Identifiers.emailKey("alex@example.org"), Identifiers.emailKey("ALEX@example.ORG"));
        assertNull(Identifiers.emailKey("alex"));
        assertNull(Identifiers.emailKey("alex @example.org"));
    }

    @Test
    void aNameIsComparedIgnoringCaseSpacingAndHowAccentsWereTyped() {
        assertEquals(Identifiers.nameKey("Zoë  Smith"), Identifiers.nameKey(" zoe\u0308 smith "));
    }

    @Test
    void aSearchFragmentOfANationalNumberFindsItInE164() {
        assertEquals("44160499", Identifiers.phoneFragment("01604 99"));
        assertEquals("1604", Identifiers.phoneFragment("1604"));
        assertEquals("441604999111", Identifiers.phoneFragment("(01604) 999-111"));
        assertEquals("441604999111", Identifiers.phoneFragment("+44 (0)1604 999111"));
        assertEquals("12025", Identifiers.phoneFragment("001 202 5"));
        assertNull(Identifiers.phoneFragment("1-"));
    }
}
