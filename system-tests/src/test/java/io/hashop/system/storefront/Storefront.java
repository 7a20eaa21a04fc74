package io.hashop.system.storefront;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The storefront as a shopper uses it: its pages by their labels and ids, waits by what
 * the page shows. Screenshots go to {@code hashop.storefront.screenshots} (default
 * {@code target/storefront-screenshots}; the README's come from
 * {@code -Dhashop.storefront.screenshots=$PWD/docs/images}).
 */
final class Storefront {

	static final String PASSWORD = "correct-horse-1";

	private final WebDriver driver;

	private final String baseUrl;

	private final WebDriverWait wait;

	Storefront(WebDriver driver, String baseUrl) {
		this.driver = driver;
		this.baseUrl = baseUrl;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(100));
	}

	WebDriver driver() {
		return this.driver;
	}

	void open(String route) {
		this.driver.get(this.baseUrl + "/#/" + route);
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
	}

	void signUp(String email, String displayName) {
		open("signup");
		type("signup-email", email);
		type("signup-password", PASSWORD);
		type("signup-name", displayName);
		this.driver.findElement(By.cssSelector("#signup button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlContains("#/signin"));
	}

	void signIn(String email, String password) {
		open("signin");
		type("signin-email", email);
		type("signin-password", password);
		this.driver.findElement(By.cssSelector("#signin button[type=submit]")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
	}

	/** Adds the first product of the catalog to the cart; returns its id. */
	String addFirstProduct() {
		open("");
		WebElement card = this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#products li[data-product-id]")));
		String id = card.getDomAttribute("data-product-id");
		this.driver.findElement(By.id("add-" + id)).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("cart-count"), "1"));
		return id;
	}

	void placeOrder() {
		open("cart");
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("place-order"))).click();
		this.wait.until(ExpectedConditions.urlContains("#/orders"));
	}

	void awaitOrderStatus(String status, Duration timeout) {
		new WebDriverWait(this.driver, timeout, Duration.ofMillis(250)).until(
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("#orders [data-status='" + status + "']")));
	}

	WebElement await(By locator) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	WebDriverWait waiting(Duration timeout) {
		return new WebDriverWait(this.driver, timeout, Duration.ofMillis(200));
	}

	Object script(String script) {
		return ((JavascriptExecutor) this.driver).executeScript(script);
	}

	void type(String id, String text) {
		WebElement input = this.wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
		input.clear();
		input.sendKeys(text);
	}

	void screenshot(String name) {
		Path directory = Path.of(System.getProperty("hashop.storefront.screenshots", "target/storefront-screenshots"));
		try {
			Files.createDirectories(directory);
			Path shot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(shot, directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
