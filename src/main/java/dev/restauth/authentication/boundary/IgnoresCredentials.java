package dev.restauth.authentication.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the login endpoints, which read credentials from the body and ignore the Authorization
 * header, as SimpleJWT's views do ({@code authentication_classes = ()}): bad credentials in the
 * header are no reason to refuse a login.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface IgnoresCredentials {}
