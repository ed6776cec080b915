package falcon.media;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Words a body that does not fit the type it is read into for the client: the field's path and
 * what was expected, in the client's terms (JSON's kinds of value), never Jackson's class names,
 * tokens or source excerpts. Runs only when a request has failed, so it may take its time.
 */
final class TypeMismatch {

    private TypeMismatch() {
    }

    /**
     * Returns the description, or {@code null} when the failure is not about the type (then the
     * caller words it as a syntax error).
     */
    static String describe(JsonMappingException ex) {
        String path = path(ex.getPath());
        String problem;
        if (ex instanceof PropertyBindingException) {
            // The unknown property is the path's last step.
            return (path.isEmpty() ? "unknown field" : "unknown field '" + path + "'") + location(ex);
        } else if (ex instanceof InvalidNullException) {
            problem = "must not be null";
        } else if (ex instanceof InvalidFormatException) {
            InvalidFormatException bad = (InvalidFormatException) ex;
            problem = "expected " + kind(bad.getTargetType()) + ", got " + shown(bad.getValue());
        } else if (ex instanceof MismatchedInputException) {
            Class<?> target = ((MismatchedInputException) ex).getTargetType();
            String message = ex.getOriginalMessage();
            if (target == null || target == Object.class
                    || (message != null && message.startsWith("Trailing token"))) {
                return null;
            }
            problem = "expected " + kind(target) + got(ex);
        } else if (ex instanceof ValueInstantiationException) {
            // A record's compact constructor or a bean's setter refused the value: its message is
            // the application's own wording, meant for the client.
            Throwable cause = ex.getCause();
            String reason = cause instanceof IllegalArgumentException && cause.getMessage() != null
                    ? cause.getMessage() : "invalid value";
            problem = reason;
        } else if (!ex.getPath().isEmpty() && ex.getCause() instanceof IllegalArgumentException
                && ex.getCause().getMessage() != null) {
            problem = ex.getCause().getMessage();
        } else if (!ex.getPath().isEmpty()) {
            problem = "invalid value";
        } else {
            return null;
        }
        return (path.isEmpty() ? "" : "field '" + path + "': ") + problem + location(ex);
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                b.append('[').append(ref.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /** What a value of {@code type} looks like in JSON. */
    static String kind(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class
                || type == Byte.class || type == BigInteger.class) {
            return "an integer";
        }
        if (type == double.class || type == float.class || type == Double.class
                || type == Float.class || type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == char.class || type == Character.class
                || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type.isEnum()) {
            StringBuilder b = new StringBuilder("one of ");
            Object[] constants = type.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                b.append(i == 0 ? "" : ", ").append('"').append(constants[i]).append('"');
            }
            return b.toString();
        }
        if (TemporalAccessor.class.isAssignableFrom(type) || type == java.time.Duration.class
                || type == java.time.Period.class) {
            return "an ISO-8601 " + type.getSimpleName() + " string";
        }
        if (type == java.util.UUID.class) {
            return "a UUID string";
        }
        if (type.isArray() && type != byte[].class || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    // Jackson's message names what it found ("... from Object value (token ...)"); the parser
    // that could say it is closed by the time the error arrives.
    private static final String[][] FOUND = {
        {" from Object value", ", got an object"},
        {" from Array value", ", got an array"},
        {" from String value", ", got a string"},
        {" from Integer value", ", got a number"},
        {" from Floating-point value", ", got a number"},
        {" from Boolean value", ", got true or false"},
    };

    private static String got(JsonMappingException ex) {
        String message = ex.getOriginalMessage();
        if (message != null) {
            for (String[] found : FOUND) {
                if (message.contains(found[0])) {
                    return found[1];
                }
            }
        }
        return "";
    }

    private static String shown(Object value) {
        if (value instanceof String) {
            String s = (String) value;
            return '"' + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + '"';
        }
        if (value instanceof Map || value instanceof Collection) {
            return value instanceof Map ? "an object" : "an array";
        }
        return String.valueOf(value);
    }

    private static String location(JsonMappingException ex) {
        JsonLocation at = ex.getLocation();
        // Converted media (a Map read earlier) has no source position worth giving.
        if (at == null || at.getLineNr() <= 0 || at.getColumnNr() <= 0) {
            return "";
        }
        return ": line " + at.getLineNr() + " column " + at.getColumnNr();
    }
}
