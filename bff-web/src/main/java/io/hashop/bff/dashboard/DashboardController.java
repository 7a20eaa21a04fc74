package io.hashop.bff.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.hashop.bff.downstream.Deadline;
import io.hashop.bff.order.OrderClient;
import io.hashop.bff.order.OrderResponse;
import io.hashop.bff.payment.PaymentReader;
import io.hashop.bff.security.SignedInUser;
import io.hashop.bff.user.ProfileResponse;
import io.hashop.bff.user.UserClient;
import io.hashop.platform.identity.CallerIdentity;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Asks user-, order- and payment-service at once, each on its own virtual thread, and
 * answers within the dashboard budget whatever they do: a section that fails or is late
 * is null and named in {@code degraded}.
 */
@RestController
@Tag(name = "account")
class DashboardController {

	private static final Logger logger = LoggerFactory.getLogger(DashboardController.class);

	private static final ContextSnapshotFactory CONTEXT = ContextSnapshotFactory.builder().build();

	private final UserClient users;

	private final OrderClient orders;

	private final PaymentReader payments;

	private final DashboardProperties properties;

	DashboardController(UserClient users, OrderClient orders, PaymentReader payments, DashboardProperties properties) {
		this.users = users;
		this.orders = orders;
		this.payments = payments;
		this.properties = properties;
	}

	@GetMapping("/api/dashboard")
	@Operation(operationId = "getDashboard", summary = "Get your dashboard",
			description = "Profile, recent orders and payments gathered in parallel within one second. A section whose service is slow or down is `null` and named in `degraded`; the answer is still 200.")
	@ApiResponse(responseCode = "200", description = "The dashboard.")
	DashboardResponse dashboard(@AuthenticationPrincipal SignedInUser user) throws InterruptedException {
		Deadline deadline = Deadline.after(this.properties.budget());
		CallerIdentity caller = user.identity();
		int recent = this.properties.recentItems();
		Map<String, String> logContext = MDC.getCopyOfContextMap();
		// The request's observation (so its trace) goes with each leg to its thread.
		ContextSnapshot context = CONTEXT.captureAll();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<ProfileResponse> profile = executor.submit(context.wrap(withLogContext(logContext,
					() -> ProfileResponse.of(this.users.getUser(caller, user.id(), deadline)))));
			Future<List<OrderResponse>> recentOrders = executor.submit(context.wrap(withLogContext(logContext,
					() -> this.orders.list(caller, recent, null, deadline)
						.getOrdersList()
						.stream()
						.map(OrderResponse::of)
						.toList())));
			Future<List<io.hashop.bff.payment.PaymentResponse>> recentPayments = executor
				.submit(context.wrap(withLogContext(logContext, () -> this.payments.recent(caller, recent, deadline))));
			List<String> degraded = new ArrayList<>();
			DashboardResponse response = new DashboardResponse(await("user", profile, deadline, degraded),
					await("recentOrders", recentOrders, deadline, degraded),
					await("payments", recentPayments, deadline, degraded), degraded);
			executor.shutdownNow();
			return response;
		}
	}

	private static <T> T await(String section, Future<T> future, Deadline deadline, List<String> degraded)
			throws InterruptedException {
		try {
			return future.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			future.cancel(true);
			logger.warn("Dashboard section {} degraded: {}", section,
					(ex.getCause() != null) ? ex.getCause().toString() : ex.toString());
			degraded.add(section);
			return null;
		}
	}

	private static <T> Callable<T> withLogContext(Map<String, String> context, Callable<T> task) {
		return () -> {
			if (context != null) {
				MDC.setContextMap(context);
			}
			try {
				return task.call();
			}
			finally {
				MDC.clear();
			}
		};
	}

}
