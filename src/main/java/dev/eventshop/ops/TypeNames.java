package dev.eventshop.ops;

/** Stored type names are fully qualified class names; operators read the simple name. */
final class TypeNames {

    private TypeNames() {
    }

    static String simple(String storedType) {
        return storedType == null ? null : storedType.substring(storedType.lastIndexOf('.') + 1);
    }
}
