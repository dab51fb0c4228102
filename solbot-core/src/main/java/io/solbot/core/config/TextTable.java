package io.solbot.core.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out rows of text as left-aligned columns two spaces apart, the first row being the header: the tables a {@link
 * Plan} renders, and those a command line prints of the bots and strategies. Stateless.
 */
public final class TextTable {
    private TextTable() {}

    /**
     * The table's lines, without line ends or trailing spaces: each column as wide as its widest cell.
     *
     * @param rows the header, then the rows; every row at most as many cells as the header, none null
     */
    public static List<String> lines(List<String[]> rows) {
        int[] widths = new int[rows.getFirst().length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
