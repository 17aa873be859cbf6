package org.ubcs.text;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;

/**
 * {@code @Size} on text as the contract means it: {@code minLength} and {@code maxLength} count code points (an emoji
 * is one character, not two), and text that must have at least one character must have one a person can see.
 */
public class CodePointSize implements ConstraintValidator<Size, String> {

    private int min;
    private int max;

    @Override
    public void initialize(Size size) {
        min = size.min();
        max = size.max();
    }

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
        if (text == null) {
            return true;
        }
        if (min > 0 && TextHygiene.isBlank(text)) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must not be blank").addConstraintViolation();
            return false;
        }
        int length = TextHygiene.length(text);
        return length >= min && length <= max;
    }
}
