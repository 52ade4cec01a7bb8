package io.tandem.bootstrap;

/**
 * A configuration value that Tandem refuses, with a one-line message naming the property and its environment
 * variable. Thrown at start-up (and reported by {@code tandem config check}) instead of a framework stack trace.
 */
final class InvalidSettingException extends RuntimeException {

    private final transient Setting setting;

    InvalidSettingException(Setting setting, String reason) {
        super(setting.problem(reason), null, false, false);
        this.setting = setting;
    }

    Setting setting() {
        return setting;
    }

    /**
     * Builds an adapter's settings from configured values. The settings records reject a value with
     * {@code "field: reason"}, their fields named like the configuration record's components; the field becomes the
     * property under {@code prefix}, and {@code condition} says why the value is needed ({@code "when
     * tandem.lake.store=minio"}, or empty).
     */
    static <T> T naming(String prefix, String condition, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            int colon = message.indexOf(": ");
            String field = colon > 0 ? message.substring(0, colon) : "";
            if (field.isEmpty() || !field.chars().allMatch(Character::isLetterOrDigit)) {
                throw e;
            }
            String reason = message.substring(colon + 2) + (condition.isEmpty() ? "" : " " + condition);
            throw new InvalidSettingException(Setting.of(prefix + "." + Setting.kebab(field)), reason);
        }
    }
}
