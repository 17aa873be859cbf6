package org.ubcs.register.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The stored form of a lookup's answer: JSON text written and read by this one mapper, whether through Hibernate or
 * by the lookup's direct query.
 */
@Converter
public class LookupAnswerJson implements AttributeConverter<LookupAnswer, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(LookupAnswer answer) {
        try {
            return answer == null ? null : JSON.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store a lookup answer", e);
        }
    }

    @Override
    public LookupAnswer convertToEntityAttribute(String json) {
        return read(json);
    }

    public static LookupAnswer read(String json) {
        try {
            return json == null ? null : JSON.readValue(json, LookupAnswer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored lookup answer cannot be read", e);
        }
    }
}
