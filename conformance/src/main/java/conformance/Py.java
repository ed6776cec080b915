package conformance;

import falcon.util.ETag;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** app.py's module-level helpers, and a dict literal for {@code resp.media}. */
final class Py {

    /** app.py's {@code FIXED_DT}: {@code datetime(2030, 1, 2, 3, 4, 5)}. */
    static final LocalDateTime FIXED_DT = LocalDateTime.of(2030, 1, 2, 3, 4, 5);

    /** app.py's {@code FIXED_DT_2}: {@code datetime(2015, 10, 21, 7, 28, 0)}. */
    static final LocalDateTime FIXED_DT_2 = LocalDateTime.of(2015, 10, 21, 7, 28, 0);

    private Py() {
    }

    /**
     * A Python dict literal: {@code dict("a", 1, "b", null)} keeps order and allows nulls.
     */
    static Map<String, Object> dict(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A Python list literal that allows nulls. */
    static List<Object> list(Object... items) {
        List<Object> list = new ArrayList<>();
        for (Object item : items) {
            list.add(item);
        }
        return list;
    }

    /**
     * app.py's {@code iso_or_none}: Python's {@code isoformat()} (seconds always written,
     * microseconds only when not zero), {@code None} stays {@code null}.
     */
    static String isoOrNone(TemporalAccessor value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate) {
            return value.toString();
        }
        return isoformat((LocalDateTime) value);
    }

    /** Python's {@code datetime.isoformat()} for a naive datetime. */
    static String isoformat(LocalDateTime dt) {
        String text = String.format(java.util.Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d",
                dt.getYear(), dt.getMonthValue(), dt.getDayOfMonth(), dt.getHour(), dt.getMinute(), dt.getSecond());
        int micros = dt.getNano() / 1000;
        if (micros != 0) {
            text += String.format(java.util.Locale.ROOT, ".%06d", micros);
        }
        return text;
    }

    /** app.py's {@code etags_to_list}: {@code [{"value", "weak", "dumps"}]}, or {@code null}. */
    static List<Object> etagsToList(List<ETag> etags) {
        if (etags == null) {
            return null;
        }
        List<Object> result = new ArrayList<>();
        for (ETag tag : etags) {
            if (tag.value().equals("*")) {
                result.add(dict("value", "*", "weak", false));
            } else {
                result.add(dict("value", tag.value(), "weak", tag.isWeak(), "dumps", tag.dumps()));
            }
        }
        return result;
    }

    /** app.py's {@code range_to_list}. */
    static List<Object> rangeToList(long[] value) {
        if (value == null) {
            return null;
        }
        return list(value[0], value[1]);
    }
}
