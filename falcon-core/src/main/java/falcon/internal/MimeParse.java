package falcon.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Media-range matching with q-values, as the {@code mimeparse} module Falcon vendors does it.
 *
 * <p>Used by {@code Request.clientAccepts} and {@code clientPrefers}. Quirks kept on purpose, for
 * identical answers: a {@code q} that is missing, unparsable or out of range counts as 1;
 * on a tie, the media type listed last wins.
 */
public final class MimeParse {

    private MimeParse() {
    }

    /** A parsed media range. */
    private record Range(String type, String subtype, Map<String, String> params, double q) {
    }

    private static Range parse(String mime, boolean asRange) {
        String[] parts = mime.split(";", -1);
        Map<String, String> params = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            int eq = p.indexOf('=');
            if (eq < 0) {
                // mimeparse: a parameter without '=' makes the split fail
                throw new IllegalArgumentException("bad media type parameter: " + p);
            }
            params.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
        }
        String full = parts[0].trim();
        if (full.equals("*")) {
            full = "*/*";
        }
        int slash = full.indexOf('/');
        if (slash < 0 || full.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("bad media type: " + mime);
        }
        String type = full.substring(0, slash).trim().toLowerCase(Locale.ROOT);
        String subtype = full.substring(slash + 1).trim().toLowerCase(Locale.ROOT);
        double q = 1.0;
        if (asRange) {
            String qs = params.get("q");
            if (qs != null && !qs.isEmpty()) {
                try {
                    double v = Double.parseDouble(qs);
                    if (v <= 1.0 && v >= 0.0) {
                        q = v;
                    }
                } catch (NumberFormatException ex) {
                    q = 1.0;
                }
            }
        }
        return new Range(type, subtype, params, q);
    }

    private static List<Range> parseHeader(String header) {
        List<Range> ranges = new ArrayList<>();
        for (String r : header.split(",", -1)) {
            if (!r.trim().isEmpty()) {
                ranges.add(parse(r, true));
            }
        }
        return ranges;
    }

    /** Returns {quality, fitness} of {@code mime} against the parsed ranges. */
    private static double[] fitnessAndQuality(String mime, List<Range> ranges) {
        Range target = parse(mime, true);
        int bestFitness = -1;
        double bestQ = 0;
        for (Range r : ranges) {
            boolean typeMatch = r.type.equals(target.type) || r.type.equals("*") || target.type.equals("*");
            boolean subtypeMatch = r.subtype.equals(target.subtype) || r.subtype.equals("*")
                    || target.subtype.equals("*");
            if (typeMatch && subtypeMatch) {
                int paramMatches = 0;
                for (Map.Entry<String, String> e : target.params.entrySet()) {
                    if (!e.getKey().equals("q") && e.getValue().equals(r.params.get(e.getKey()))) {
                        paramMatches++;
                    }
                }
                int fitness = (r.type.equals(target.type) ? 100 : 0) + (r.subtype.equals(target.subtype) ? 10 : 0)
                        + paramMatches;
                if (fitness > bestFitness) {
                    bestFitness = fitness;
                    bestQ = r.q;
                }
            }
        }
        return new double[] {bestQ, bestFitness};
    }

    /**
     * Returns the quality with which {@code header} accepts {@code mime}: 0 when not at all.
     *
     * @throws IllegalArgumentException when the header or type is not a valid media range
     */
    public static double quality(String mime, String header) {
        return fitnessAndQuality(mime, parseHeader(header))[0];
    }

    /**
     * Returns the best of {@code supported} for {@code header}, or {@code null} when none fits.
     *
     * @throws IllegalArgumentException when the header is not a valid list of media ranges
     */
    public static String bestMatch(List<String> supported, String header) {
        List<Range> ranges = parseHeader(header);
        double bestQ = -1;
        double bestFitness = -1;
        String best = null;
        for (String mime : supported) {
            double[] fq = fitnessAndQuality(mime, ranges);
            // Ties go to the later entry, as Python's sort of (quality, position) tuples does.
            if (fq[0] > bestQ || (fq[0] == bestQ && fq[1] >= bestFitness)) {
                bestQ = fq[0];
                bestFitness = fq[1];
                best = mime;
            }
        }
        return bestQ > 0 ? best : null;
    }
}
