package io.hashop.bff.order;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of the caller's orders, newest first; {@code nextCursor} is null on the last
 * page.
 */
public record OrderPageResponse(List<OrderResponse> items, @Schema(types = {
		"string", "null" },
		description = "Pass as `cursor` for the next page; null on the last page.") String nextCursor){

}
