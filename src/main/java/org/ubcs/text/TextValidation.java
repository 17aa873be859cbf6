package org.ubcs.text;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;

/** Bean Validation counts text as the contract does: {@link CodePointSize} validates {@code @Size} on strings. */
@ApplicationScoped
public class TextValidation implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        ConstraintMapping mapping = configuration.createConstraintMapping();
        // Kept: the built-in validators for collections, maps and arrays; String is more specific than CharSequence.
        mapping.constraintDefinition(Size.class).includeExistingValidators(true).validatedBy(CodePointSize.class);
        configuration.addMapping(mapping);
    }
}
