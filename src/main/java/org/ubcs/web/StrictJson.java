package org.ubcs.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.validation.constraints.Size;

import org.ubcs.problem.RefusedTextException;
import org.ubcs.text.TextHygiene;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON is read as the contract types it, strictly: a string is only a JSON string, a boolean only {@code true} or
 * {@code false}, a whole number never {@code 4.5} or {@code "4"}; an object may not name a key twice; and text is
 * refused if it could not be stored or read back as sent ({@link TextHygiene}). Dates, times and UUIDs are JSON strings
 * too, and get the same check, written exactly: Jackson trims them first, and {@code String.trim()} drops every
 * control character, so {@code "2026-12-03\u001b"} would otherwise be read as a date. An array the contract marks
 * {@code uniqueItems} (a Java {@code Set}) may not repeat an item: the set would quietly drop the repeats, and so pass
 * {@code maxItems} with more items than it allows.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType type : LogicalType.values()) {
            for (CoercionInputShape shape : CoercionInputShape.values()) {
                mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
            }
        }
        mapper.registerModule(new SimpleModule("strict-text").addDeserializer(String.class, new Text(false))
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config,
                            BeanDescription description, JsonDeserializer<?> deserializer) {
                        return EXACT.contains(description.getBeanClass()) ? new Exact(deserializer) : deserializer;
                    }

                    @Override
                    public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config,
                            CollectionType type, BeanDescription description, JsonDeserializer<?> deserializer) {
                        return Set.class.isAssignableFrom(type.getRawClass()) ? new NoRepeats(deserializer) : deserializer;
                    }
                }));
    }

    private static final Set<Class<?>> EXACT = Set.of(LocalDate.class, OffsetDateTime.class, UUID.class);

    /** A set, sent as an array without repeats. */
    static final class NoRepeats extends DelegatingDeserializer {

        NoRepeats(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new NoRepeats(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                return super.deserialize(parser, context);
            }
            JsonNode items = parser.readValueAsTree();
            if (Set.copyOf(java.util.stream.StreamSupport.stream(items.spliterator(), false).toList()).size()
                    != items.size()) {
                throw new RefusedTextException(parser, "must not repeat an item");
            }
            try (JsonParser again = items.traverse(parser.getCodec())) {
                again.nextToken();
                return super.deserialize(again, context);
            }
        }
    }

    /** A date, time or UUID as the contract writes it: no control characters, no spaces around it. */
    static final class Exact extends DelegatingDeserializer {

        Exact(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Exact(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                String text = parser.getText();
                String problem = TextHygiene.problem(text, false);
                if (problem == null && !text.equals(text.strip())) {
                    problem = "must not begin or end with spaces";
                }
                if (problem != null) {
                    throw new RefusedTextException(parser, problem);
                }
            }
            return super.deserialize(parser, context);
        }
    }

    /** Strings: JSON strings only, checked for what cannot be stored; several lines only in free text. */
    static final class Text extends StdScalarDeserializer<String> implements ContextualDeserializer {

        private final boolean multiLine;

        Text(boolean multiLine) {
            super(String.class);
            this.multiLine = multiLine;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            Size size = property == null ? null : property.getAnnotation(Size.class);
            boolean multi = size != null && TextHygiene.isFreeText(size.max());
            return multi == multiLine ? this : new Text(multi);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getText();
            String problem = TextHygiene.problem(text, multiLine);
            if (problem != null) {
                throw new RefusedTextException(parser, problem);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }
}
