package org.ubcs.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.ubcs.problem.UnreadableParameterException;

/**
 * Converts the typed parameters of the generated interfaces and says what was expected when a value does not fit.
 * Quarkus REST does not pass the parameter's annotations here, so {@link UnreadableParameterException} carries the
 * value and the problem mapper finds which query parameter held it (a path parameter answers 404: no such resource).
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(Integer::valueOf, "must be a whole number");
        }
        if (rawType == Boolean.class) {
            // Boolean.valueOf reads anything but "true" as false: "?overdue=yes" would quietly list the opposite.
            return (ParamConverter<T>) converter(ParameterConverters::strictBoolean, "must be true or false");
        }
        if (rawType == OffsetDateTime.class) {
            return (ParamConverter<T>) converter(OffsetDateTime::parse,
                    "must be a date and time with its offset (YYYY-MM-DDThh:mm:ssZ)");
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(LocalDate::parse, "must be a date (YYYY-MM-DD)");
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(UUID::fromString, "must be a UUID");
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            return (ParamConverter<T>) converter(value -> Enum.valueOf(type, value), "must be one of " + allowed);
        }
        return null;
    }

    private static Boolean strictBoolean(String value) {
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static <T> ParamConverter<T> converter(Function<String, T> parse, String expectation) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value);
                } catch (RuntimeException e) {
                    throw new UnreadableParameterException(value, expectation);
                }
            }

            @Override
            public String toString(T value) {
                return value instanceof Enum<?> e ? e.name() : String.valueOf(value);
            }
        };
    }
}
