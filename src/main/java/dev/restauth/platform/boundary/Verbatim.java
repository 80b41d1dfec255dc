package dev.restauth.platform.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field of a request record read as sent, leading and trailing whitespace included, as
 * DRF's password fields are ({@code trim_whitespace=False}); every other text field is stripped,
 * as DRF's CharField does by default.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Verbatim {}
