package io.hashop.system.chaos;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One section of the report, rendered as Markdown for the file and as padded text for the
 * console.
 */
record Table(String title, List<String> headers, List<List<String>> rows) {

	String markdown() {
		StringBuilder out = new StringBuilder("## ").append(this.title).append("\n\n");
		out.append(markdownRow(this.headers));
		out.append(markdownRow(this.headers.stream().map((header) -> "---").toList()));
		this.rows.forEach((row) -> out.append(markdownRow(row)));
		return out.append('\n').toString();
	}

	String text() {
		int[] widths = IntStream.range(0, this.headers.size())
			.map((column) -> Math.max(this.headers.get(column).length(),
					this.rows.stream().mapToInt((row) -> row.get(column).length()).max().orElse(0)))
			.toArray();
		StringBuilder out = new StringBuilder(this.title).append('\n');
		out.append("-".repeat(this.title.length())).append('\n');
		out.append(textRow(this.headers, widths));
		this.rows.forEach((row) -> out.append(textRow(row, widths)));
		return out.append('\n').toString();
	}

	private static String markdownRow(List<String> cells) {
		return cells.stream().map((cell) -> cell.replace("|", "\\|")).collect(Collectors.joining(" | ", "| ", " |\n"));
	}

	private static String textRow(List<String> cells, int[] widths) {
		return IntStream.range(0, cells.size())
			.mapToObj((column) -> String.format("%-" + widths[column] + "s", cells.get(column)))
			.collect(Collectors.joining("  ", "  ", "\n"))
			.stripTrailing() + "\n";
	}

}
