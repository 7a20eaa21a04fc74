package io.hashop.system.storefront;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.hashop.system.support.NpmPackages;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * axe-core, pinned from the npm registry, run inside the page as it is: the WCAG 2.0 and
 * 2.1 rules of levels A and AA (labels, names, contrast, landmarks, keyboard focus order,
 * ARIA use).
 */
final class AccessibilityAudit {

	static final String AXE = "axe-core@4.14.1";

	private static final String RUN = """
			const done = arguments[arguments.length - 1];
			axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
			  .then((result) => done(JSON.stringify(result.violations.map((v) => ({
			    id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })))))
			  .catch((error) => done(JSON.stringify({ error: String(error) })));
			""";

	private final String axe;

	private AccessibilityAudit(String axe) {
		this.axe = axe;
	}

	static AccessibilityAudit install() {
		NpmPackages axe = NpmPackages.install(Path.of("target/axe").toAbsolutePath(),
				"the storefront's accessibility is not audited.", AXE);
		try {
			return new AccessibilityAudit(Files.readString(axe.file("axe-core/axe.min.js")));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The rules the page breaks now, one line each: rule, impact, what it asks and the
	 * elements that break it.
	 */
	List<String> violations(WebDriver driver) {
		JavascriptExecutor page = (JavascriptExecutor) driver;
		page.executeScript(this.axe);
		JsonNode answer = JsonMapper.builder().build().readTree((String) page.executeAsyncScript(RUN));
		if (answer.has("error")) {
			throw new IllegalStateException("axe-core failed: " + answer.get("error").asString());
		}
		List<String> violations = new ArrayList<>();
		for (JsonNode violation : answer) {
			violations.add("%s (%s): %s: %s".formatted(violation.get("id").asString(),
					violation.get("impact").asString(), violation.get("help").asString(), violation.get("nodes")));
		}
		return violations;
	}

}
