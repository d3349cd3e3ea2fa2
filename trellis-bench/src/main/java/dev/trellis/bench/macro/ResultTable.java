package dev.trellis.bench.macro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The side-by-side table: the median of each side's measured runs, and the Trellis / Erlang ratio
 * oriented so that greater than 1 means Trellis is better.
 *
 * <pre>{@code
 * ResultTable table = ResultTable.parse(Workloads.all(), List.of(
 *         "# machine: 2 cpus",
 *         "trellis ping_pong 1000000 400.0 ns/rt",
 *         "erlang ping_pong 1000000 556.0 ns/rt"));
 * System.out.print(table.toMarkdown());   // ... | ping_pong | 1 000 000 | 400 ns/rt | 556 ns/rt | 1.39 | ...
 * }</pre>
 *
 * <p>Input lines (written by {@code run-macro}): {@code SIDE NAME SIZE VALUE UNIT} with SIDE
 * {@code trellis} or {@code erlang} and VALUE a number or {@code failed}; one line per measured run.
 * Lines starting with {@code #} are conditions, printed as notes under the table. Rows follow the
 * order of the catalogue (normally {@link Workloads#all()}); workload names not in it are rejected.
 *
 * <p>Thread-safety: immutable once parsed.
 */
public final class ResultTable {

    /** The two columns of the table. */
    public enum Side { TRELLIS, ERLANG }

    /** One workload's measured runs on both sides. */
    private static final class Row {
        final Workload workload;
        int size;
        final Map<Side, List<Double>> values = new LinkedHashMap<>();
        final Map<Side, Boolean> failed = new LinkedHashMap<>();

        Row(Workload workload) {
            this.workload = workload;
        }
    }

    private final Map<String, Row> rows;
    private final List<String> notes;

    private ResultTable(Map<String, Row> rows, List<String> notes) {
        this.rows = rows;
        this.notes = notes;
    }

    /**
     * Reads the runner's sample lines.
     *
     * @throws IllegalArgumentException naming the line when one is malformed
     */
    public static ResultTable parse(List<Workload> catalogue, List<String> lines) {
        Map<String, Workload> known = new LinkedHashMap<>();
        for (Workload w : catalogue) {
            known.put(w.name(), w);
        }
        Map<String, Row> byName = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                notes.add(line.substring(1).strip());
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 5) {
                throw new IllegalArgumentException("line " + number + ": expected SIDE NAME SIZE VALUE UNIT, got '"
                        + line + "'");
            }
            Side side;
            try {
                side = Side.valueOf(f[0].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + number + ": side must be trellis or erlang, got '"
                        + f[0] + "'");
            }
            Workload workload = known.get(f[1]);
            if (workload == null) {
                throw new IllegalArgumentException("line " + number + ": unknown workload '" + f[1]
                        + "' (known: " + String.join(", ", known.keySet()) + ")");
            }
            Row row = byName.computeIfAbsent(f[1], n -> new Row(workload));
            try {
                row.size = Integer.parseInt(f[2]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + number + ": size must be an integer, got '" + f[2] + "'");
            }
            if (f[3].equals("failed")) {
                row.failed.put(side, true);
                continue;
            }
            try {
                row.values.computeIfAbsent(side, s -> new ArrayList<>()).add(Double.parseDouble(f[3]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + number + ": value must be a number or 'failed', got '"
                        + f[3] + "'");
            }
        }
        Map<String, Row> ordered = new LinkedHashMap<>();
        for (Workload w : catalogue) {
            Row row = byName.get(w.name());
            if (row != null) {
                ordered.put(w.name(), row);
            }
        }
        return new ResultTable(ordered, notes);
    }

    /** The median of a side's measured runs for a workload, if it has any. */
    public OptionalDouble median(String workload, Side side) {
        Row row = rows.get(workload);
        List<Double> values = row == null ? null : row.values.get(side);
        if (values == null || values.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return OptionalDouble.of(sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
    }

    /** Trellis / Erlang oriented by the workload's {@link Direction}; empty when a side is missing. */
    public OptionalDouble ratio(String workload) {
        OptionalDouble trellis = median(workload, Side.TRELLIS);
        OptionalDouble erlang = median(workload, Side.ERLANG);
        if (trellis.isEmpty() || erlang.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(rows.get(workload).workload.direction()
                .ratio(trellis.getAsDouble(), erlang.getAsDouble()));
    }

    /** The table in GitHub Markdown, followed by the notes as a bullet list. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        // The last column is the reference figure (docs/benchmarks.md, Reference figures); the header
        // keeps its old name so earlier result files stay comparable.
        md.append("| workload | size | Trellis | Erlang | Trellis vs Erlang (> 1 = Trellis better) "
                + "| Erlang in DESIGN.md |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (Row row : rows.values()) {
            Workload w = row.workload;
            OptionalDouble ratio = ratio(w.name());
            md.append("| ").append(w.name())
                    .append(" | ").append(groupDigits(row.size))
                    .append(" | ").append(cell(row, Side.TRELLIS))
                    .append(" | ").append(cell(row, Side.ERLANG))
                    .append(" | ").append(ratio.isPresent()
                            ? String.format(Locale.ROOT, "%.2f", ratio.getAsDouble()) : "—")
                    .append(" | ").append(w.designAnchor().isPresent()
                            ? formatValue(w.designAnchor().getAsDouble(), w.unit()) : "—")
                    .append(" |\n");
        }
        List<String> targets = targetLines();
        if (!targets.isEmpty()) {
            md.append('\n');
            for (String line : targets) {
                md.append("- ").append(line).append('\n');
            }
        }
        if (!notes.isEmpty()) {
            md.append('\n');
            for (String note : notes) {
                md.append("- ").append(note).append('\n');
            }
        }
        return md.toString();
    }

    /** One line per row with a {@link Workload#target()}: the target and whether the Trellis median meets it. */
    private List<String> targetLines() {
        List<String> lines = new ArrayList<>();
        for (Row row : rows.values()) {
            Workload w = row.workload;
            if (w.target().isEmpty()) {
                continue;
            }
            double target = w.target().getAsDouble();
            OptionalDouble trellis = median(w.name(), Side.TRELLIS);
            String verdict = trellis.isEmpty() ? "not measured"
                    : (w.direction().meets(trellis.getAsDouble(), target) ? "met" : "MISSED")
                            + " (" + formatValue(trellis.getAsDouble(), w.unit()) + ")";
            lines.add("Trellis target for " + w.name() + " (DESIGN.md): " + w.direction().targetSign() + " "
                    + formatValue(target, w.unit()) + ": " + verdict);
        }
        return lines;
    }

    private String cell(Row row, Side side) {
        OptionalDouble median = median(row.workload.name(), side);
        if (median.isPresent()) {
            int n = row.values.get(side).size();
            return formatValue(median.getAsDouble(), row.workload.unit()) + (n > 1 ? " (median of " + n + ")" : "");
        }
        return Boolean.TRUE.equals(row.failed.get(side)) ? "failed" : "—";
    }

    /**
     * A figure for people: rates in millions ({@code 0.870 M proc/s}), other figures with three
     * significant digits, {@code us} shown as {@code µs}.
     */
    static String formatValue(double value, String unit) {
        String shownUnit = unit.replace("us/", "µs/");
        if (unit.endsWith("/s")) {
            return String.format(Locale.ROOT, "%.3g M %s", value / 1e6, shownUnit);
        }
        String number = value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
        return number + " " + shownUnit;
    }

    private static String groupDigits(int n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }

    /** {@code ResultTable SAMPLES_FILE}: prints the Markdown table of a runner's samples file. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ResultTable SAMPLES_FILE");
            System.exit(64);
        }
        System.out.print(parse(Workloads.all(), Files.readAllLines(Path.of(args[0]))).toMarkdown());
    }
}
