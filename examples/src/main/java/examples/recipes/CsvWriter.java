package examples.recipes;

/**
 * Python's {@code csv.writer(out, quoting=csv.QUOTE_NONNUMERIC)}: strings in double quotes (a quote
 * inside doubled), numbers bare, {@code \r\n} after each row.
 */
final class CsvWriter {

    private final StringBuilder out;

    CsvWriter(StringBuilder out) {
        this.out = out;
    }

    void writeRow(Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            Object field = fields[i];
            if (field instanceof Number) {
                out.append(field);
            } else {
                out.append('"').append(String.valueOf(field).replace("\"", "\"\"")).append('"');
            }
        }
        out.append("\r\n");
    }
}
