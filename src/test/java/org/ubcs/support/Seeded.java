package org.ubcs.support;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.params.provider.Arguments;
import org.opentest4j.AssertionFailedError;

/**
 * Generated cases for property tests written as JUnit parameterized tests: {@code count} argument sets drawn from a
 * {@link Random} with a fixed seed, so every run checks the same cases and a failure names the case that reproduces
 * it. Use from a {@code @MethodSource} factory.
 */
public final class Seeded {

    private Seeded() {
    }

    /** {@code count} cases, each made by {@code make} from the shared seeded source of randomness. */
    public static Stream<Arguments> cases(long seed, int count, Function<Random, Object[]> make) {
        Random random = new Random(seed);
        return IntStream.range(0, count).mapToObj(i -> Arguments.of(make.apply(random)));
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    public static int between(Random random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** A date from {@code first} to {@code last}, both included, every day equally likely. */
    public static LocalDate between(Random random, LocalDate first, LocalDate last) {
        return first.plusDays(random.nextLong(ChronoUnit.DAYS.between(first, last) + 1));
    }

    /** One of the values, chosen at random. */
    @SafeVarargs
    public static <T> T oneOf(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    /**
     * Puts the failing case's display name (which shows its arguments) at the head of the failure message. Maven
     * Surefire reports a parameterized test as {@code method(types)[index]}, without that name, so without this the
     * build log says which case failed only by its index. Use {@code @ExtendWith(Seeded.NameFailingCases.class)}.
     */
    public static final class NameFailingCases implements TestExecutionExceptionHandler {

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
            if (thrown instanceof AssertionError) {
                throw new AssertionFailedError(context.getDisplayName() + ": " + thrown.getMessage(), thrown);
            }
            thrown.addSuppressed(new Exception("in case " + context.getDisplayName()));
            throw thrown;
        }
    }
}
