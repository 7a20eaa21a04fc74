package io.hashop.bff.dashboard;

import java.util.List;

import io.hashop.bff.order.OrderResponse;
import io.hashop.bff.payment.PaymentResponse;
import io.hashop.bff.user.ProfileResponse;

/**
 * {@code GET /api/dashboard}: each section is null when its service did not answer in
 * time, and then named in {@code degraded}.
 */
record DashboardResponse(ProfileResponse user, List<OrderResponse> recentOrders, List<PaymentResponse> payments,
		List<String> degraded) {

}
