package org.ubcs.web;

import java.io.IOException;

import jakarta.inject.Singleton;
import jakarta.validation.constraints.Size;

import org.ubcs.problem.RefusedTextException;
import org.ubcs.text.TextHygiene;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON is read as the contract types it, strictly: a string is only a JSON string, a boolean only {@code true} or
 * {@code false}, a whole number never {@code 4.5} or {@code "4"}; an object may not name a key twice; and text is
 * refused if it could not be stored or read back as sent ({@link TextHygiene}).
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
        mapper.registerModule(new SimpleModule("strict-text").addDeserializer(String.class, new Text(false)));
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
