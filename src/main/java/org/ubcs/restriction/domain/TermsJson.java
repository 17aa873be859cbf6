package org.ubcs.restriction.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The stored form of a restriction's terms: JSON text with a "type", written and read by this one mapper, whether
 * through Hibernate or by the contact check's direct query.
 */
@Converter
public class TermsJson implements AttributeConverter<Terms, String> {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Override
    public String convertToDatabaseColumn(Terms terms) {
        return write(terms);
    }

    @Override
    public Terms convertToEntityAttribute(String json) {
        return read(json);
    }

    public static String write(Terms terms) {
        try {
            return JSON.writeValueAsString(terms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store restriction terms", e);
        }
    }

    public static Terms read(String json) {
        try {
            return JSON.readValue(json, Terms.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored restriction terms cannot be read", e);
        }
    }
}
