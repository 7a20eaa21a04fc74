package io.hashop.gateway.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The address ranges of the proxies whose forwarding headers the gateway believes, from
 * {@code hashop.gateway.trusted-proxies} (CIDRs such as {@code 10.42.7.0/24} or single
 * addresses). A bare number, the old meaning of the setting (a count of proxies, which
 * trusted whichever pod reached the gateway), is refused at start-up, except the old
 * default {@code 0}, which meant, and still means, none. A {@code /0} range is refused
 * too: it would trust every address.
 */
final class TrustedProxies {

	private static final Pattern COUNT = Pattern.compile("\\d+");

	private final List<Range> ranges;

	private TrustedProxies(List<Range> ranges) {
		this.ranges = ranges;
	}

	static TrustedProxies parse(List<String> entries) {
		List<String> values = entries.stream().map(String::trim).filter((entry) -> !entry.isEmpty()).toList();
		if (values.equals(List.of("0"))) {
			return new TrustedProxies(List.of());
		}
		List<Range> ranges = new ArrayList<>();
		for (String value : values) {
			ranges.add(range(value));
		}
		return new TrustedProxies(List.copyOf(ranges));
	}

	boolean isEmpty() {
		return this.ranges.isEmpty();
	}

	boolean contains(@Nullable InetAddress address) {
		if (address == null) {
			return false;
		}
		byte[] bytes = address.getAddress();
		return this.ranges.stream().anyMatch((range) -> range.contains(bytes));
	}

	private static Range range(String value) {
		if (COUNT.matcher(value).matches()) {
			throw new IllegalArgumentException(
					("hashop.gateway.trusted-proxies (TRUSTED_PROXIES) is a list of the CIDRs "
							+ "of trusted proxies (e.g. 10.42.7.0/24), no longer a count of proxies: '%s'")
						.formatted(value));
		}
		int slash = value.indexOf('/');
		String host = (slash >= 0) ? value.substring(0, slash) : value;
		String literal = ClientResolver.ipLiteral(host);
		boolean withPort = host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':');
		if (literal == null || withPort || !host.equals(host.strip()) || host.startsWith("[")) {
			throw new IllegalArgumentException("Not an IP address or CIDR in TRUSTED_PROXIES: '%s'".formatted(value));
		}
		byte[] network = address(literal).getAddress();
		int bits = network.length * 8;
		int prefix = bits;
		if (slash >= 0) {
			String suffix = value.substring(slash + 1);
			if (!COUNT.matcher(suffix).matches() || suffix.length() > 3 || Integer.parseInt(suffix) > bits) {
				throw new IllegalArgumentException(
						"Not a CIDR prefix length in TRUSTED_PROXIES: '%s'".formatted(value));
			}
			prefix = Integer.parseInt(suffix);
		}
		if (prefix == 0) {
			throw new IllegalArgumentException(
					"TRUSTED_PROXIES '%s' would trust every address; list the proxies' own ranges".formatted(value));
		}
		return new Range(network, prefix);
	}

	private static InetAddress address(String literal) {
		try {
			// An IP literal: no DNS lookup.
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	private record Range(byte[] network, int prefix) {

		boolean contains(byte[] address) {
			if (address.length != this.network.length) {
				return false;
			}
			int full = this.prefix / 8;
			for (int i = 0; i < full; i++) {
				if (address[i] != this.network[i]) {
					return false;
				}
			}
			int rest = this.prefix % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xFF << (8 - rest)) & 0xFF;
			return (address[full] & mask) == (this.network[full] & mask);
		}

	}

}
