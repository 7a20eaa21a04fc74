package io.hashop.bff.dashboard;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The dashboard.
 *
 * @param budget how long the dashboard waits for its sections; a section not ready by
 * then is degraded
 * @param recentItems how many recent orders and payments it shows
 */
@Validated
@ConfigurationProperties("hashop.bff.dashboard")
record DashboardProperties(@DefaultValue("1s") @NotNull Duration budget,
		@DefaultValue("5") @Min(1) @Max(50) int recentItems) {

}
