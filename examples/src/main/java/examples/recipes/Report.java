package examples.recipes;

import falcon.Request;
import falcon.Response;

/** A small CSV report, downloaded as {@code report.csv}. Falcon: "Outputting CSV Files". */
public class Report {

    /** Answers the report as {@code text/csv}, an attachment. */
    public void onGet(Request req, Response resp) {
        StringBuilder output = new StringBuilder();
        CsvWriter writer = new CsvWriter(output);
        writer.writeRow("fruit", "quantity");
        writer.writeRow("apples", 13);
        writer.writeRow("oranges", 37);

        resp.setContentType("text/csv");
        resp.setDownloadableAs("report.csv");
        resp.setText(output.toString());
    }
}
