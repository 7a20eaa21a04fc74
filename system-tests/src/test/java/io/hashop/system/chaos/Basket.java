package io.hashop.system.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The body of a random order: usually 1-3 lines of small quantities, which the provider
 * authorizes; about one in ten is three espresso machines, above the provider's limit of
 * 500000 cents, which it declines.
 */
final class Basket {

	/** The espresso machine, 249000 cents: three exceed the payment limit. */
	static final int ESPRESSO_MACHINE = 3;

	static final String DECLINED = "{\"items\":[{\"productId\":3,\"quantity\":3}]}";

	/**
	 * Products 1 to 12 but the espresso machine, so that only the declined basket crosses
	 * the limit (three lines of three of the dearest one stay below 120000).
	 */
	private static final List<Integer> CHEAP = IntStream.rangeClosed(1, 12)
		.filter((id) -> id != ESPRESSO_MACHINE)
		.boxed()
		.toList();

	private Basket() {
	}

	static String random(Random random) {
		if (random.nextInt(10) == 0) {
			return DECLINED;
		}
		List<Integer> products = new ArrayList<>(CHEAP);
		Collections.shuffle(products, random);
		return products.subList(0, 1 + random.nextInt(3))
			.stream()
			.map((id) -> "{\"productId\":" + id + ",\"quantity\":" + (1 + random.nextInt(3)) + "}")
			.collect(Collectors.joining(",", "{\"items\":[", "]}"));
	}

}
