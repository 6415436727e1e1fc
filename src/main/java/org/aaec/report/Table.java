package org.aaec.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as data: a header and rows of cells (already formatted). Reports render it as Markdown;
 * the command line prints it as aligned text. Cells may carry Markdown emphasis ({@code **x**}),
 * which the text form drops.
 *
 * @param header column titles
 * @param rows one list of cells per row, as many as the header
 */
public record Table(List<String> header, List<List<String>> rows) {

    /** Checks that every row has a cell per column. */
    public Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("row " + r + " has " + r.size() + " cells, the header "
                        + header.size());
            }
        }
    }

    /** GitHub-flavoured Markdown, ending in a blank line. */
    public String markdown() {
        StringBuilder md = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
        md.append("---|".repeat(header.size())).append('\n');
        for (List<String> r : rows) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return md.append('\n').toString();
    }

    /** Plain text with aligned columns (emphasis markers removed), for a terminal. */
    public String text() {
        List<List<String>> all = new ArrayList<>();
        all.add(header.stream().map(Table::plain).toList());
        rows.forEach(r -> all.add(r.stream().map(Table::plain).toList()));
        int[] width = new int[header.size()];
        for (List<String> r : all) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> r : all) {
            for (int i = 0; i < width.length; i++) {
                String cell = r.get(i);
                out.append(i == 0 ? String.format("%-" + width[i] + "s", cell)
                        : "  " + String.format("%" + width[i] + "s", cell));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String plain(String cell) {
        return cell.replace("**", "").replace("`", "");
    }
}
