package dev.eventshop.platform.privacy;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a class keeps personal data: the JSON property that names the subject and those that hold the data (the
 * field names, as Jackson writes records and field-visible classes). Looked up once per class.
 *
 * @param subject the property naming the person, or null when the class holds no personal data
 * @param fields  the properties holding personal data
 * @param retired the properties older revisions held personal data or secrets in ({@link RetiredPersonalData})
 */
record PersonalFields(String subject, List<String> fields, List<String> retired) {

    private static final PersonalFields NONE = new PersonalFields(null, List.of(), List.of());

    private static final ClassValue<PersonalFields> OF = new ClassValue<>() {
        @Override
        protected PersonalFields computeValue(Class<?> type) {
            String subject = null;
            List<String> fields = new ArrayList<>();
            for (Class<?> declaring = type; declaring != null && declaring != Object.class;
                 declaring = declaring.getSuperclass()) {
                for (Field field : declaring.getDeclaredFields()) {
                    if (field.isAnnotationPresent(DataSubject.class)) {
                        subject = field.getName();
                    }
                    if (field.isAnnotationPresent(PersonalData.class)) {
                        fields.add(field.getName());
                    }
                }
            }
            if (fields.isEmpty()) {
                return NONE;
            }
            if (subject == null) {
                throw new IllegalStateException(type.getName() + " has personal data but no @DataSubject field");
            }
            RetiredPersonalData retired = type.getAnnotation(RetiredPersonalData.class);
            return new PersonalFields(subject, List.copyOf(fields),
                    retired == null ? List.of() : List.of(retired.value()));
        }
    };

    static PersonalFields of(Class<?> type) {
        return OF.get(type);
    }

    boolean any() {
        return !fields.isEmpty();
    }
}
