package dev.trellis.runtime.entry;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean": the known name closest to a misspelled one, when it is close enough to be a
 * typo (at most one edit in four letters, two in longer names; case is ignored).
 *
 * <pre>{@code
 * Spelling.closest("tset", List.of("test"));            // Optional[test]
 * Spelling.didYouMean("auto_strat", known);            // " (did you mean 'auto_start'?)"
 * Spelling.closest("service", List.of("test"));        // Optional.empty
 * }</pre>
 */
public final class Spelling {

    private Spelling() {
    }

    /** {@return the known name nearest to {@code wrong}, if it is within typo distance} */
    public static Optional<String> closest(String wrong, Collection<String> known) {
        String w = wrong.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(w, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(2, w.length() / 4));
        return best != null && bestDistance <= allowed && !best.equals(wrong) ? Optional.of(best) : Optional.empty();
    }

    /** {@return {@code " (did you mean 'x'?)"} for the closest known name, or {@code ""}} */
    public static String didYouMean(String wrong, Collection<String> known) {
        return closest(wrong, known).map(k -> " (did you mean '" + k + "'?)").orElse("");
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
