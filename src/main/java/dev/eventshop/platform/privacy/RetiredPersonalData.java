package dev.eventshop.platform.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fields that older revisions of a class held personal data or secrets in and the class no longer has (its
 * upcasters drop them on read). {@link Resealing} removes them from what is stored.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RetiredPersonalData {

    /** The JSON property names. */
    String[] value();
}
