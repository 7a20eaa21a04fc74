package io.hashop.system.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and its chromedriver, by explicit paths, so Selenium Manager
 * never downloads a browser or a driver. Installed with apt when missing and running as
 * root; otherwise the tests are skipped (outside CI) or fail (with {@code CI=true}).
 */
public final class Chromium {

	public static final Path BINARY = Path.of("/usr/bin/chromium");

	public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private Chromium() {
	}

	public static void assumeInstalled() {
		if (!installed() && "root".equals(System.getProperty("user.name"))
				&& Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
			install();
		}
		if (installed()) {
			return;
		}
		String why = "The browser tests need Debian's chromium and chromium-driver packages "
				+ "(apt-get install -y chromium chromium-driver, as root).";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail(why);
		}
		Assumptions.abort(why);
	}

	public static WebDriver start() {
		System.setProperty("webdriver.chrome.driver", DRIVER.toString());
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1280,860", "--lang=en-US", "--no-first-run", "--disable-extensions");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	private static boolean installed() {
		return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
	}

	private static void install() {
		try {
			Path log = Files.createTempFile("apt-chromium", ".log");
			ProcessBuilder apt = new ProcessBuilder("apt-get", "install", "-y", "chromium", "chromium-driver")
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			apt.environment().put("DEBIAN_FRONTEND", "noninteractive");
			Process process = apt.start();
			if (!process.waitFor(10, TimeUnit.MINUTES)) {
				process.destroyForcibly();
			}
		}
		catch (IOException ex) {
			// Not installable here: reported by assumeInstalled.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
