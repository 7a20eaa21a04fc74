package io.hashop.bff.dashboard;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

import io.hashop.bff.order.OrderResponse;
import io.hashop.bff.payment.PaymentResponse;
import io.hashop.bff.user.ProfileResponse;

/**
 * {@code GET /api/dashboard}: each section is null when its service did not answer in
 * time, and then named in {@code degraded}.
 */
record DashboardResponse(
		@Schema(nullable = true, description = "Null when user-service did not answer in time.") ProfileResponse user,
		@Schema(nullable = true,
				description = "Null when order-service did not answer in time.") List<OrderResponse> recentOrders,
		@Schema(nullable = true,
				description = "Null when payment-service did not answer in time.") List<PaymentResponse> payments,
		@Schema(description = "The sections that are null: `user`, `recentOrders`, `payments`.") List<String> degraded) {

}
