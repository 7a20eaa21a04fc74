package io.hashop.system.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.hashop.system.api.ContractClient.Answer;
import io.hashop.system.support.Chromium;
import io.hashop.system.support.NpmPackages;
import io.hashop.system.support.SystemUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API description that {@code GET /api/openapi} serves through the gateway is lint
 * clean and true: Redocly ({@code recommended}) and Spectral ({@code spectral:oas}) find
 * nothing, and every exchange of the main flows, errors included, matches it (status,
 * body with no undocumented field, headers). Its first run, against the description as it
 * was before issue 14, reported {@code POST /api/orders -> 201: Response status 201
 * not defined} (documented as 200), the undocumented 400, 401 and 409, and the
 * undocumented headers X-Request-Id and Idempotent-Replayed; its second, that the BFF's
 * problems leave out the {@code type} the description required.
 */
class OpenApiContractIntegrationTests {

	static final String PASSWORD = "correct-horse-1";

	static SystemUnderTest system;

	static String document;

	static Path directory;

	@BeforeAll
	static void fetchDescription() throws Exception {
		system = SystemUnderTest.shared();
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(system.gatewayUrl(1) + "/api/openapi")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(200);
		document = answer.body();
		directory = Path.of("target/openapi").toAbsolutePath();
		OpenApiLinters.write(directory.resolve("openapi.json"), document);
	}

	@Test
	void isCleanForRedocly() {
		NpmPackages.Result result = linters().redocly(directory.resolve("openapi.json"), config("redocly.yaml"));

		assertThat(result.exit()).as(result.output()).isZero();
		// Warnings make no exit code: "You have N warnings." (Node's own deprecation
		// notice is
		// not one).
		assertThat(result.output()).as(result.output())
			.contains("Your API description is valid")
			.doesNotContain("You have");
	}

	@Test
	void isCleanForSpectral() {
		NpmPackages.Result result = linters().spectral(directory.resolve("openapi.json"), config(".spectral.yaml"));

		// --fail-severity warn: a warning is a non-zero exit too.
		assertThat(result.exit()).as(result.output()).isZero();
	}

	@Test
	void rendersTheReferenceThroughTheGatewayUnderItsOwnPolicy() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> entry = http.send(
				HttpRequest.newBuilder(URI.create(system.gatewayUrl(1) + "/api/docs")).build(),
				HttpResponse.BodyHandlers.ofString());
		String page = system.gatewayUrl(1) + "/api/docs/swagger-ui/index.html";
		HttpResponse<String> rendered = http.send(HttpRequest.newBuilder(URI.create(page)).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(entry.statusCode()).isEqualTo(302);
		assertThat(entry.headers().firstValue("Location").orElseThrow()).endsWith("/api/docs/swagger-ui/index.html");
		assertThat(rendered.statusCode()).isEqualTo(200);
		assertThat(rendered.headers().firstValue("Content-Security-Policy").orElseThrow())
			.startsWith("default-src 'none'; script-src 'self'; style-src 'self'");
		// In a browser, under that policy: Swagger UI's scripts run and render the
		// description's title.
		Chromium.assumeInstalled();
		WebDriver browser = Chromium.start();
		try {
			browser.get(page);
			new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions
				.textToBePresentInElementLocated(By.cssSelector(".info .title"), "hashop public API"));
		}
		finally {
			browser.quit();
		}
	}

	@Test
	void describesEveryExchangeOfTheMainFlows() {
		List<String> problems = new ArrayList<>();
		OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
			.withLevelResolver(LevelResolver.create()
				.withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
				.build())
			.build();
		DocumentedHeaders headers = new DocumentedHeaders(JsonMapper.builder().build().readTree(document));
		try {
			walkTheMainFlows(validator, headers, problems);
		}
		finally {
			// Checked even when a flow broke off: what the description got wrong up to
			// there.
			assertThat(problems).as("exchanges the API description does not describe").isEmpty();
		}
	}

	private static void walkTheMainFlows(OpenApiInteractionValidator validator, DocumentedHeaders headers,
			List<String> problems) {
		ContractClient shopper = new ContractClient(system.gatewayUrl(1), validator, headers, problems);
		String email = "contract-" + UUID.randomUUID() + "@example.com";
		signUp(shopper, email);
		String orderId = placeAndList(shopper);

		ContractClient stranger = signedUp(validator, headers, problems);
		assertThat(stranger.get("/api/orders/" + orderId).status()).isEqualTo(404);
		ContractClient anonymous = new ContractClient(system.gatewayUrl(1), validator, headers, problems);
		assertThat(anonymous.sendInvalid("GET", "/api/me", null, Map.of()).status()).isEqualTo(401);
		assertThat(refusedLoginsUntilLimited(anonymous, email)).isEqualTo(429);

		assertThat(shopper.post("/api/auth/logout", null).status()).isEqualTo(204);
	}

	/** Registration and sign-in, with their refusals. */
	private static void signUp(ContractClient shopper, String email) {
		assertThat(shopper.post("/api/auth/register", account(email)).status()).isEqualTo(201);
		assertThat(shopper.post("/api/auth/register", account(email)).status()).isEqualTo(409);
		assertThat(shopper
			.sendInvalid("POST", "/api/auth/register", "{\"email\":\"x\",\"password\":\"short\",\"displayName\":\"\"}",
					Map.of())
			.status()).isEqualTo(400);
		assertThat(shopper.post("/api/auth/login", login(email, "wrong-password-1")).status()).isEqualTo(401);
		assertThat(shopper.post("/api/auth/login", login(email, PASSWORD)).status()).isEqualTo(200);
		assertThat(shopper.get("/api/me").status()).isEqualTo(200);
		assertThat(shopper.get("/api/products").status()).isEqualTo(200);
	}

	/** Orders placed, replayed and refused, then read back page by page. */
	private static String placeAndList(ContractClient shopper) {
		Answer placed = place(shopper, "contract-1", 1);
		assertThat(placed.status()).isEqualTo(201);
		String orderId = placed.json().get("id").asString();
		assertThat(placed.header("Location")).isEqualTo("/api/orders/" + orderId);
		assertThat(place(shopper, "contract-1", 1).json().get("id").asString()).isEqualTo(orderId);
		assertThat(place(shopper, "contract-1", 2).status()).isEqualTo(422);
		assertThat(shopper
			.send("POST", "/api/orders", "{\"items\":[{\"productId\":4242,\"quantity\":1}]}",
					Map.of("Idempotency-Key", "contract-unknown"))
			.status()).isEqualTo(422);
		assertThat(shopper
			.sendInvalid("POST", "/api/orders", "{\"items\":[{\"productId\":1,\"quantity\":1}]}",
					Map.of("Idempotency-Key", "not a key"))
			.status()).isEqualTo(400);
		assertThat(shopper
			.sendInvalid("POST", "/api/orders", "{\"items\":[{\"productId\":1,\"quantity\":1}]}",
					Map.of("Idempotency-Key", "contract-forged", "X-XSRF-TOKEN", "forged"))
			.status()).isEqualTo(403);
		place(shopper, "contract-2", 1);
		place(shopper, "contract-3", 1);

		Answer first = shopper.get("/api/orders?limit=2");
		assertThat(first.json().get("items")).hasSize(2);
		String cursor = first.json().get("nextCursor").asString();
		Answer second = shopper.get("/api/orders?limit=2&cursor=" + cursor);
		assertThat(second.json().get("items")).hasSize(1);
		assertThat(second.json().get("nextCursor").isNull()).isTrue();
		assertThat(shopper.get("/api/orders/" + orderId).status()).isEqualTo(200);
		assertThat(shopper.get("/api/dashboard").status()).isEqualTo(200);
		assertThat(shopper.send("PUT", "/api/admin/products/12", "{\"priceCents\":1300}", Map.of()).status())
			.isEqualTo(403);
		return orderId;
	}

	/**
	 * Refused logins to one account are limited per account (10 per 5 minutes): a cheap
	 * 429 from the gateway, costing no other test a budget.
	 */
	private static int refusedLoginsUntilLimited(ContractClient client, String email) {
		int status = 0;
		for (int attempt = 0; attempt < 15 && status != 429; attempt++) {
			status = client.post("/api/auth/login", login(email, "wrong-password-" + attempt)).status();
		}
		return status;
	}

	private static ContractClient signedUp(OpenApiInteractionValidator validator, DocumentedHeaders headers,
			List<String> problems) {
		ContractClient client = new ContractClient(system.gatewayUrl(2), validator, headers, problems);
		String email = "contract-" + UUID.randomUUID() + "@example.com";
		assertThat(client.post("/api/auth/register", account(email)).status()).isEqualTo(201);
		assertThat(client.post("/api/auth/login", login(email, PASSWORD)).status()).isEqualTo(200);
		return client;
	}

	private static Answer place(ContractClient client, String key, int quantity) {
		return client.send("POST", "/api/orders", "{\"items\":[{\"productId\":1,\"quantity\":%d}]}".formatted(quantity),
				Map.of("Idempotency-Key", key));
	}

	private static OpenApiLinters linters() {
		return OpenApiLinters.install(Path.of("target/openapi-linters").toAbsolutePath());
	}

	private static Path config(String name) {
		return Path.of("src/test/resources/openapi", name).toAbsolutePath();
	}

	private static String account(String email) {
		return "{\"email\":\"%s\",\"password\":\"%s\",\"displayName\":\"Contract Tester\"}".formatted(email, PASSWORD);
	}

	private static String login(String email, String password) {
		return "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password);
	}

}
