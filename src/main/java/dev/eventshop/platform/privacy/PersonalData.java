package dev.eventshop.platform.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field that holds personal data of the person its class names with {@link DataSubject}. It is stored
 * encrypted with that person's data key (in events, snapshots and every other serialized message), and reads as
 * null once the person is erased. On a record component it marks the component's field.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface PersonalData {
}
