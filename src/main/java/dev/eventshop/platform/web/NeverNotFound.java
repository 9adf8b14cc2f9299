package dev.eventshop.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a handler whose path has a variable but that never answers 404 (a list that is empty for an unknown id), so
 * that the OpenAPI description does not declare a 404 it cannot answer; every other such handler gets one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NeverNotFound {
}
