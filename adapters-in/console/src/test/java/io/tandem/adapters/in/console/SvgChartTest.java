package io.tandem.adapters.in.console;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's charts and escaping: what a page holds is what the data says, and markup only from constants. */
class SvgChartTest {

    @Test
    void aLineChartDrawsOnePathPerSeriesAndAPointPerFiniteValue() {
        String svg = SvgChart.lines("c", "Events", new double[] {0, 10, 20},
                List.of(new SvgChart.Series("click", new double[] {1, 2, 4}),
                        new SvgChart.Series("view", new double[] {Double.NaN, 3, 3})),
                x -> "t" + (long) x, "/s");

        assertThat(svg).contains("<svg").doesNotContain("class=\"empty\"");
        assertThat(count(svg, "class=\"line\"")).isEqualTo(2);
        assertThat(count(svg, "<circle")).isEqualTo(5);
        // The axis tops out at a round number above the largest value, and labels carry the unit.
        assertThat(svg).contains(">5/s<").contains(">t0<").contains(">t20<");
        // y = top - height * value / 5 on a 180-pixel plot; "view" has no first point, so it starts at the second x.
        assertThat(svg).contains("d=\"M56.0 156.0 L342.0 120.0 L628.0 48.0\"")
                .contains("d=\"M342.0 84.0 L628.0 84.0\"");
    }

    @Test
    void aChartWithoutAnyValueSaysSoInsteadOfDrawingAnEmptyFrame() {
        String svg = SvgChart.lines("c", "Latency", new double[] {0, 1},
                List.of(new SvgChart.Series("p99", new double[] {Double.NaN, Double.NaN})), x -> "", " ms");

        assertThat(svg).contains("No data yet").doesNotContain("<svg");
        assertThat(SvgChart.shares("s", "Fallbacks", List.of(), new double[0])).contains("None so far");
    }

    @Test
    void sharesAreBarsWithTheirPercentage() {
        String svg = SvgChart.shares("s", "Fallbacks", List.of("no model", "scorer"), new double[] {0.25, 0.0});

        assertThat(count(svg, "class=\"bar\"")).isEqualTo(2);
        assertThat(svg).contains(">25.0%<").contains(">0.0%<").contains(">no model<");
    }

    @Test
    void labelsAndTitlesFromDataAreEscaped() {
        String svg = SvgChart.lines("c\"><script>", "<b>t</b>", new double[] {0},
                List.of(new SvgChart.Series("<img src=x onerror=alert(1)>", new double[] {1})), x -> "&", "");

        assertThat(svg).doesNotContain("<script>").doesNotContain("<img").doesNotContain("<b>")
                .contains("&lt;img src=x onerror=alert(1)&gt;").contains("&amp;");
        assertThat(Html.text("'\"&<>")).isEqualTo("&#39;&quot;&amp;&lt;&gt;");
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
