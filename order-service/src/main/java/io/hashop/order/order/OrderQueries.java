package io.hashop.order.order;

import java.util.List;
import java.util.UUID;

import io.hashop.order.order.OrderExceptions.OrderNotFoundException;
import io.hashop.platform.error.InvalidRequestException;

import org.springframework.stereotype.Service;

/**
 * Reads a user's own orders; another user's order is indistinguishable from a missing
 * one.
 */
@Service
class OrderQueries {

	static final int DEFAULT_PAGE_SIZE = 20;

	static final int MAX_PAGE_SIZE = 100;

	private final OrderRepository orders;

	OrderQueries(OrderRepository orders) {
		this.orders = orders;
	}

	/**
	 * One page of orders and the cursor of the next page, {@code null} on the last one.
	 */
	record Page(List<Order> orders, String nextCursor) {

	}

	Order get(UUID userId, UUID orderId) {
		return this.orders.findByIdAndUser(orderId, userId).orElseThrow(OrderNotFoundException::new);
	}

	Page list(UUID userId, int limit, String cursor) {
		if (limit < 0 || limit > MAX_PAGE_SIZE) {
			throw InvalidRequestException.of("limit", "must be between 1 and " + MAX_PAGE_SIZE);
		}
		int pageSize = (limit == 0) ? DEFAULT_PAGE_SIZE : limit;
		OrderCursor after = (cursor == null || cursor.isEmpty()) ? null : OrderCursor.decode(cursor);
		List<Order> found = this.orders.findPage(userId, after, pageSize + 1);
		if (found.size() <= pageSize) {
			return new Page(found, null);
		}
		List<Order> page = found.subList(0, pageSize);
		return new Page(page, OrderCursor.after(page.get(pageSize - 1)).encode());
	}

}
