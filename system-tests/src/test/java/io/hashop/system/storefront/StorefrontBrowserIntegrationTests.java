package io.hashop.system.storefront;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hashop.devinfra.test.ApiClient;
import io.hashop.launcher.process.ServiceHandle;
import io.hashop.system.support.Chromium;
import io.hashop.system.support.SystemUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storefront in headless Chromium, through gateway 1 to the real platform: a new
 * shopper pays for an order, the dashboard degrades while payment-service is down, and an
 * admin's price change reaches an open catalog without a reload; every page meets the
 * WCAG 2 A and AA rules axe-core checks.
 */
class StorefrontBrowserIntegrationTests {

	static SystemUnderTest system;

	Storefront shop;

	@BeforeAll
	static void startPlatform() {
		Chromium.assumeInstalled();
		system = SystemUnderTest.shared();
	}

	@BeforeEach
	void openBrowser() {
		this.shop = new Storefront(Chromium.start(), system.gatewayUrl(1));
	}

	@AfterEach
	void closeBrowser() {
		this.shop.driver().quit();
	}

	@Test
	void registersSignsInOrdersAndSeesThePaymentArrive() {
		String email = "shopper-" + UUID.randomUUID() + "@example.com";
		this.shop.signUp(email, "Browser Shopper");
		this.shop.signIn(email, Storefront.PASSWORD);
		this.shop.addFirstProduct();
		this.shop.screenshot("storefront-catalog");
		this.shop.open("cart");
		this.shop.screenshot("storefront-cart");

		this.shop.placeOrder();
		this.shop.awaitOrderStatus("PAID", Duration.ofSeconds(60));

		assertThat(this.shop.driver().findElements(By.cssSelector("#orders tr"))).hasSize(1);
		this.shop.screenshot("storefront-orders");

		this.shop.driver().findElement(By.id("sign-out")).click();
		this.shop.await(By.cssSelector("a[href='#/signin']"));
	}

	@Test
	void meetsTheWcag2AaRulesOnEveryPage() {
		AccessibilityAudit audit = AccessibilityAudit.install();
		Map<String, List<String>> violations = new LinkedHashMap<>();
		audit(audit, violations, "signup", By.cssSelector("#signup button[type=submit]"));
		audit(audit, violations, "signin", By.cssSelector("#signin button[type=submit]"));
		String email = "audited-" + UUID.randomUUID() + "@example.com";
		this.shop.signUp(email, "Audited Shopper");
		this.shop.signIn(email, Storefront.PASSWORD);
		this.shop.addFirstProduct();
		audit(audit, violations, "", By.cssSelector("#products li[data-product-id]"));
		audit(audit, violations, "cart", By.id("place-order"));
		audit(audit, violations, "orders", By.xpath("//main//p[contains(., 'No orders yet')]"));
		audit(audit, violations, "dashboard", By.cssSelector("#dashboard > *"));
		this.shop.driver().findElement(By.id("sign-out")).click();
		this.shop.await(By.cssSelector("a[href='#/signin']"));
		this.shop.signIn(system.adminEmail(), system.adminPassword());
		audit(audit, violations, "admin", By.cssSelector("main table input"));

		System.out.println("Storefront accessibility (axe-core " + AccessibilityAudit.AXE + "): " + violations);
		assertThat(violations).hasSize(7).allSatisfy((route, broken) -> assertThat(broken).as("#/" + route).isEmpty());
	}

	private void audit(AccessibilityAudit audit, Map<String, List<String>> violations, String route, By loaded) {
		this.shop.open(route);
		this.shop.await(loaded);
		violations.put(route, audit.violations(this.shop.driver()));
	}

	@Test
	void rendersTheCatalogWithinASecond() {
		this.shop.open("");
		this.shop.await(By.cssSelector("#products li[data-product-id]"));

		Number contentLoaded = (Number) this.shop
			.script("return performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd");
		Number firstPaint = (Number) this.shop
			.script("const p = performance.getEntriesByName('first-contentful-paint')[0]; return p ? p.startTime : -1");
		System.out.printf("Storefront: DOMContentLoaded %.0f ms, first contentful paint %.0f ms%n",
				contentLoaded.doubleValue(), firstPaint.doubleValue());
		assertThat(contentLoaded.doubleValue()).isLessThan(1000);
		assertThat(firstPaint.doubleValue()).isLessThan(1000);
	}

	@Test
	void showsANoticeWhilePaymentsAreUnavailable() {
		String email = "degraded-" + UUID.randomUUID() + "@example.com";
		this.shop.signUp(email, "Degraded Shopper");
		this.shop.signIn(email, Storefront.PASSWORD);
		List<ServiceHandle> payments = List.of(system.platform().process("payment-service"),
				system.platform().process("payment-service-2"));
		try {
			payments.forEach(ServiceHandle::stop);
			this.shop.open("dashboard");

			String notice = this.shop.await(By.id("degraded-payments")).getText();

			assertThat(notice).containsIgnoringCase("payments are temporarily unavailable");
			assertThat(this.shop.driver().findElement(By.id("user-title")).getText()).isEqualTo("Profile");
			this.shop.screenshot("storefront-dashboard-degraded");
		}
		finally {
			ServiceHandle.startAll(payments);
		}
	}

	@Test
	void showsAnAdminsPriceChangeWithoutAReload() {
		this.shop.open("");
		String id = this.shop.await(By.cssSelector("#products li[data-product-id]:last-child"))
			.getDomAttribute("data-product-id");
		long before = Long
			.parseLong(this.shop.driver().findElement(By.id("price-" + id)).getDomAttribute("data-price-cents"));
		long after = before + 123;
		this.shop.script("window.storefrontMarker = 'same page'");
		Storefront admin = new Storefront(Chromium.start(), system.gatewayUrl(2));
		try {
			admin.signIn(system.adminEmail(), system.adminPassword());
			admin.open("admin");
			admin.type("new-price-" + id, "%d.%02d".formatted(after / 100, after % 100));
			admin.driver().findElement(By.id("save-price-" + id)).click();
			admin.await(By.cssSelector("#admin-status .msg.ok"));
			admin.script("window.scrollTo(0, 0)");
			admin.screenshot("storefront-admin-prices");

			this.shop.waiting(Duration.ofSeconds(15))
				.until(ExpectedConditions.attributeToBe(By.id("price-" + id), "data-price-cents",
						String.valueOf(after)));

			assertThat(this.shop.script("return window.storefrontMarker")).isEqualTo("same page");
		}
		finally {
			admin.driver().quit();
			restorePrice(id, before);
		}
	}

	private static void restorePrice(String id, long cents) {
		ApiClient admin = new ApiClient(system.gatewayUrl(1));
		admin.post("/api/auth/login",
				"{\"email\":\"%s\",\"password\":\"%s\"}".formatted(system.adminEmail(), system.adminPassword()));
		admin.put("/api/admin/products/" + id, "{\"priceCents\":" + cents + "}");
	}

}
