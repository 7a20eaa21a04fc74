package io.hashop.bff.catalog;

import java.util.List;

import io.hashop.bff.downstream.DownstreamGuards;
import io.hashop.bff.security.SignedInUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The public catalog and the admin price change. */
@RestController
@Tag(name = "catalog")
class ProductController {

	private final CatalogClient catalog;

	private final CatalogCache cache;

	private final DownstreamGuards guards;

	ProductController(CatalogClient catalog, CatalogCache cache, DownstreamGuards guards) {
		this.catalog = catalog;
		this.cache = cache;
		this.guards = guards;
	}

	@GetMapping("/api/products")
	@Operation(operationId = "listProducts", summary = "List the catalog",
			description = "Public. Served from a two-level cache, so still answered while the session store is down.")
	@SecurityRequirements
	@ApiResponse(responseCode = "200", description = "Every product.")
	List<ProductResponse> products() {
		return this.cache.get(() -> this.catalog.listProducts(this.guards.newRequestDeadline()));
	}

	@PutMapping("/api/admin/products/{id}")
	@Operation(operationId = "changePrice", summary = "Change a product's price (admins)",
			description = "Needs the ADMIN role, else 403. Every instance's caches see the new price within a second.")
	@ApiResponse(responseCode = "200", description = "The product with its new price.")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/404")
	ProductResponse updatePrice(@AuthenticationPrincipal SignedInUser admin, @PathVariable @Min(1) long id,
			@Valid @RequestBody PriceChange change) {
		ProductResponse product = this.catalog.updatePrice(admin.identity(), id, change.priceCents(),
				this.guards.newRequestDeadline());
		this.cache.invalidateEverywhere();
		return product;
	}

	/** {@code PUT /api/admin/products/{id}}: the new price in minor units. */
	record PriceChange(@NotNull @Min(1) @Max(100_000_000) Long priceCents) {

	}

}
