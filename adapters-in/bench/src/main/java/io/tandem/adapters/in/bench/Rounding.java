package io.tandem.adapters.in.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Figures as the reports print them: rounded to a few digits, with NaN and infinities left as they are. */
final class Rounding {

    private Rounding() {
    }

    static double round(double value, int digits) {
        if (!Double.isFinite(value)) {
            return value;
        }
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    /** Every value to four digits, in the map's order. */
    static Map<String, Double> rounded(Map<String, Double> values) {
        Map<String, Double> rounded = new LinkedHashMap<>();
        values.forEach((name, value) -> rounded.put(name, round(value, 4)));
        return rounded;
    }
}
