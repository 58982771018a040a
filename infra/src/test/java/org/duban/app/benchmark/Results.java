package org.duban.app.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one run: each printed as it is measured ({@code [bench] …}, so a CI log shows them) and written
 * at the end as a Markdown table, with its same-run baseline and the ratio where it has one.
 */
final class Results {
    /** One figure; {@code baseline} and {@code ratio} are NaN when it has no baseline. */
    record Figure(String scenario, String measure, double value, String unit, String baselineName, double baseline,
                  String note) {
        double ratio() {
            return Double.isNaN(baseline) || baseline == 0 ? Double.NaN : value / baseline;
        }
    }

    private final List<Figure> figures = new ArrayList<>();
    private final List<String> context = new ArrayList<>();

    /** A fact about the run (machine, sizes), printed and written above the figures. */
    synchronized void context(String line) {
        context.add(line);
        System.out.println("[bench] " + line);
    }

    synchronized void add(String scenario, String measure, double value, String unit, String note) {
        add(new Figure(scenario, measure, value, unit, "", Double.NaN, note));
    }

    synchronized void add(String scenario, String measure, double value, String unit, String baselineName,
                          double baseline, String note) {
        add(new Figure(scenario, measure, value, unit, baselineName, baseline, note));
    }

    private void add(Figure figure) {
        figures.add(figure);
        System.out.println("[bench] " + line(figure));
    }

    synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    static String line(Figure f) {
        String text = f.scenario() + " | " + f.measure() + ": " + number(f.value()) + " " + f.unit();
        if (!Double.isNaN(f.baseline())) {
            text += " | baseline " + f.baselineName() + ": " + number(f.baseline()) + " " + f.unit()
                    + " | ratio " + String.format(Locale.ROOT, "%.2f×", f.ratio());
        }
        return f.note().isEmpty() ? text : text + " | " + f.note();
    }

    synchronized Path write(Path file) {
        StringBuilder out = new StringBuilder("# Duban benchmark results\n\n");
        context.forEach(line -> out.append("- ").append(line).append('\n'));
        out.append("\n| scenario | measure | value | unit | baseline (same run) | baseline value | ratio | note |\n")
                .append("|---|---|---:|---|---|---:|---:|---|\n");
        for (Figure f : figures) {
            out.append("| ").append(f.scenario()).append(" | ").append(f.measure()).append(" | ")
                    .append(number(f.value())).append(" | ").append(f.unit()).append(" | ")
                    .append(f.baselineName()).append(" | ").append(number(f.baseline())).append(" | ")
                    .append(Double.isNaN(f.ratio()) ? "" : String.format(Locale.ROOT, "%.2f", f.ratio()))
                    .append(" | ").append(f.note()).append(" |\n");
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("[bench] results written to " + file);
        return file;
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
