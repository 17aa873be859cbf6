package org.ubcs.web;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The generated models mark required properties on their creators, which makes Jackson stop at the first missing one.
 * Leaving "required" to Bean Validation reports every missing field at once, each with its JSON pointer.
 */
@Singleton
public class RequiredFieldsByValidation implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Boolean hasRequiredMarker(AnnotatedMember member) {
                return Boolean.FALSE;
            }
        });
    }
}
