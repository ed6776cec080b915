package falcon.inspect;

import java.util.Locale;

/** How Java things are named in inspection text. */
final class Names {

    private Names() {
    }

    /** Turns {@code GET} or {@code VERSION-CONTROL} into {@code Get} / {@code VersionControl}. */
    static String camel(String httpMethod) {
        StringBuilder sb = new StringBuilder();
        boolean upper = true;
        for (char c : httpMethod.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    /** Whether {@code type} is a lambda's or method reference's class: it has no name of its own. */
    static boolean isLambda(Class<?> type) {
        return type.isSynthetic() || type.isHidden() || type.getName().contains("$$Lambda");
    }

    /** The simple name, as Falcon's {@code type(obj).__name__}; {@code <lambda>} for a lambda. */
    static String of(Object obj) {
        Class<?> type = obj instanceof Class ? (Class<?>) obj : obj.getClass();
        if (isLambda(type)) {
            return "<lambda>";
        }
        String simple = type.getSimpleName();
        if (simple.isEmpty()) {
            String name = type.getName();
            return name.substring(name.lastIndexOf('.') + 1);
        }
        return simple;
    }
}
