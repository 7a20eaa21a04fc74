package io.hashop.bff.order;

import java.util.List;

/**
 * One page of the caller's orders, newest first; {@code nextCursor} is null on the last
 * page.
 */
public record OrderPageResponse(List<OrderResponse> items, String nextCursor) {

}
