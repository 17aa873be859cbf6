package org.ubcs.support;

import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

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

    /** One of the values, chosen at random. */
    @SafeVarargs
    public static <T> T oneOf(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }
}
