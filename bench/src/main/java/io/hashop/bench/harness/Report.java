package io.hashop.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the results into {@code docs/benchmarks.md} between two markers, leaving the
 * hand-written analysis around them as it is.
 */
public final class Report {

	static final String BEGIN = "<!-- bench:begin (written by ./bench.sh; edit outside the markers) -->";

	static final String END = "<!-- bench:end -->";

	private Report() {
	}

	public static void write(Path file, RunInfo run, List<ScenarioResult> results) throws IOException {
		String generated = render(run, results);
		String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8)
				: "# Benchmarks\n\n" + BEGIN + "\n" + END + "\n";
		int begin = existing.indexOf(BEGIN);
		int end = existing.indexOf(END);
		String updated = (begin >= 0 && end > begin)
				? existing.substring(0, begin) + BEGIN + "\n" + generated + END + existing.substring(end + END.length())
				: existing + "\n" + BEGIN + "\n" + generated + END + "\n";
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, updated, StandardCharsets.UTF_8);
	}

	static String render(RunInfo run, List<ScenarioResult> results) {
		StringBuilder md = new StringBuilder();
		md.append("\n| | |\n| --- | --- |\n");
		run.facts().forEach((name, value) -> md.append("| ").append(name).append(" | ").append(value).append(" |\n"));
		md.append("\n| id | ratio | goal | measured | met | spread of the ratio over the rounds |\n");
		md.append("| --- | --- | --- | --- | --- | --- |\n");
		for (ScenarioResult result : results) {
			Scenario scenario = result.scenario();
			if (result.hasFailed()) {
				md.append(row(scenario.id(), scenario.ratio().label(), scenario.goal().toString(), "not measured", "no",
						result.failure()));
				continue;
			}
			List<Double> ratios = result.ratios(scenario.ratio());
			md.append(row(scenario.id(), scenario.ratio().label(), scenario.goal().toString(),
					Figures.format(result.ratio(scenario.ratio())), result.goalMet() ? "yes" : "**no**",
					Figures.format(Figures.spreadPercent(ratios)) + " % ("
							+ String.join(", ", ratios.stream().map(Figures::format).toList()) + ")"));
		}
		for (ScenarioResult result : results) {
			md.append(details(result));
		}
		return md.append('\n').toString();
	}

	private static String details(ScenarioResult result) {
		Scenario scenario = result.scenario();
		StringBuilder md = new StringBuilder();
		md.append("\n### ").append(scenario.id()).append(": ").append(scenario.question()).append("\n\n");
		if (result.hasFailed()) {
			return md.append("Not measured: ").append(result.failure()).append("\n").toString();
		}
		md.append("| arm | what | median | spread over the rounds | failed calls |\n| --- | --- | --- | --- | --- |\n");
		Map<String, Measurement> medians = result.medians();
		for (Arm arm : scenario.arms()) {
			Measurement median = medians.get(arm.name());
			StringBuilder figures = new StringBuilder();
			StringBuilder spreads = new StringBuilder();
			median.figures().forEach((name, value) -> {
				figures.append(name).append(' ').append(Figures.format(value)).append("<br>");
				spreads.append(name)
					.append(' ')
					.append(Figures.format(Figures.spreadPercent(result.values(arm.name(), name))))
					.append(" %<br>");
			});
			md.append(row(arm.name(), arm.description(), figures.toString(), spreads.toString(),
					Long.toString(median.failures())));
		}
		for (Ratio further : scenario.further()) {
			md.append("\n").append(further.label()).append(": ").append(Figures.format(result.ratio(further)));
			md.append(" (rounds: ")
				.append(String.join(", ", result.ratios(further).stream().map(Figures::format).toList()))
				.append(")\n");
		}
		return md.toString();
	}

	private static String row(String... cells) {
		return "| " + String.join(" | ", cells).replace("\n", " ") + " |\n";
	}

	/** The facts of the run the report names: machine, date, command, flags. */
	public record RunInfo(Map<String, String> facts) {

	}

}
