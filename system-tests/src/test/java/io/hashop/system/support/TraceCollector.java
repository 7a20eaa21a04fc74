package io.hashop.system.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OTLP/HTTP trace receiver ({@code POST /v1/traces}, protobuf) that keeps every span
 * it is sent, so a test can follow one request across the processes. It stands in for the
 * trace store (Tempo in compose and Kubernetes), a third party. The protobuf is read
 * field by field; the numbers are those of opentelemetry-proto's {@code trace.proto}.
 */
public final class TraceCollector implements AutoCloseable {

	private final HttpServer server;

	private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

	private TraceCollector(HttpServer server) {
		this.server = server;
	}

	/** Starts a collector on a free loopback port. */
	public static TraceCollector start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			TraceCollector collector = new TraceCollector(server);
			server.createContext("/v1/traces", collector::receive);
			server.start();
			return collector;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Where the services export to: {@code TRACING_OTLP_ENDPOINT}. */
	public String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/traces";
	}

	/** The spans of one trace received so far. */
	public List<ReceivedSpan> trace(String traceId) {
		return this.spans.stream().filter((span) -> span.traceId().equals(traceId)).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
					? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			this.spans.addAll(parse(body));
			// An empty ExportTraceServiceResponse: everything accepted.
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, -1);
		}
	}

	static List<ReceivedSpan> parse(byte[] exportRequest) throws InvalidProtocolBufferException {
		List<ReceivedSpan> received = new ArrayList<>();
		for (ByteString resourceSpans : fields(UnknownFieldSet.parseFrom(exportRequest), 1)) {
			UnknownFieldSet resourceAndScopes = UnknownFieldSet.parseFrom(resourceSpans);
			String service = serviceName(resourceAndScopes);
			for (ByteString scopeSpans : fields(resourceAndScopes, 2)) {
				for (ByteString spanBytes : fields(UnknownFieldSet.parseFrom(scopeSpans), 2)) {
					UnknownFieldSet span = UnknownFieldSet.parseFrom(spanBytes);
					received.add(new ReceivedSpan(service, hex(span, 1), hex(span, 2), hex(span, 4), text(span, 5)));
				}
			}
		}
		return received;
	}

	private static String serviceName(UnknownFieldSet resourceSpans) throws InvalidProtocolBufferException {
		for (ByteString resource : fields(resourceSpans, 1)) {
			for (ByteString attribute : fields(UnknownFieldSet.parseFrom(resource), 1)) {
				UnknownFieldSet keyValue = UnknownFieldSet.parseFrom(attribute);
				if ("service.name".equals(text(keyValue, 1))) {
					return fields(keyValue, 2).isEmpty() ? ""
							: text(UnknownFieldSet.parseFrom(fields(keyValue, 2).get(0)), 1);
				}
			}
		}
		return "";
	}

	private static List<ByteString> fields(UnknownFieldSet message, int number) {
		return message.hasField(number) ? message.getField(number).getLengthDelimitedList() : List.of();
	}

	private static String hex(UnknownFieldSet message, int number) {
		List<ByteString> values = fields(message, number);
		return values.isEmpty() ? "" : HexFormat.of().formatHex(values.get(0).toByteArray());
	}

	private static String text(UnknownFieldSet message, int number) {
		List<ByteString> values = fields(message, number);
		return values.isEmpty() ? "" : values.get(0).toStringUtf8();
	}

	/**
	 * One span as exported.
	 *
	 * @param service the exporting process's {@code service.name}
	 * @param traceId 32 hex digits
	 * @param spanId 16 hex digits
	 * @param parentSpanId 16 hex digits, or empty for a root span
	 * @param name the span's name
	 */
	public record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name) {

	}

}
