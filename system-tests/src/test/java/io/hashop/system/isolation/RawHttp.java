package io.hashop.system.isolation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: {@code java.net.http} refuses
 * most of what a hostile client sends (raw bytes in paths, repeated or restricted
 * headers). One keep-alive connection per instance, so one instance per thread.
 */
final class RawHttp implements AutoCloseable {

	private static final int MAX_ANSWER = 4 * 1024 * 1024;

	private final int port;

	private final Duration timeout;

	private Socket socket;

	RawHttp(int port, Duration timeout) {
		this.port = port;
		this.timeout = timeout;
	}

	/**
	 * Sends one request and reads its answer; a connection reused from an earlier request
	 * that turns out closed is replaced once.
	 */
	Answer exchange(byte[] request, boolean head) throws IOException {
		boolean reused = this.socket != null;
		try {
			return exchangeOnce(request, head);
		}
		catch (StaleConnectionException ex) {
			close();
			if (!reused) {
				throw new IOException("closed without an answer", ex);
			}
			return exchangeOnce(request, head);
		}
	}

	private Answer exchangeOnce(byte[] request, boolean head) throws IOException {
		if (this.socket == null) {
			this.socket = new Socket();
			this.socket.connect(new InetSocketAddress("127.0.0.1", this.port), (int) this.timeout.toMillis());
			this.socket.setSoTimeout((int) this.timeout.toMillis());
		}
		IOException writeFailure = null;
		try {
			OutputStream out = this.socket.getOutputStream();
			out.write(request);
			out.flush();
		}
		catch (IOException ex) {
			// A server may answer (413, 431) and close before it has read everything.
			writeFailure = ex;
		}
		try {
			Answer answer = read(this.socket.getInputStream(), head, System.nanoTime() + this.timeout.toNanos());
			if (writeFailure != null || answer.closes()) {
				close();
			}
			return answer;
		}
		catch (IOException | RuntimeException ex) {
			close();
			throw ex;
		}
	}

	private static Answer read(InputStream in, boolean head, long deadline) throws IOException {
		while (true) {
			String head0 = readHead(in, deadline);
			String[] lines = head0.split("\r\n");
			String[] statusLine = lines[0].split(" ", 3);
			if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
				throw new IOException("not an HTTP answer: " + lines[0]);
			}
			int status = Integer.parseInt(statusLine[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
							lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
				}
			}
			if (status >= 100 && status < 200) {
				continue;
			}
			boolean closes = headers.getOrDefault("connection", "").equalsIgnoreCase("close");
			byte[] body;
			if (head || status == 204 || status == 304) {
				body = new byte[0];
			}
			else if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
				body = readChunked(in, deadline);
			}
			else if (headers.containsKey("content-length")) {
				body = readExactly(in, Integer.parseInt(headers.get("content-length")), deadline);
			}
			else {
				body = readToEnd(in, deadline);
				closes = true;
			}
			return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), closes);
		}
	}

	private static String readHead(InputStream in, long deadline) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b < 0) {
				if (head.size() == 0) {
					throw new StaleConnectionException();
				}
				throw new IOException("closed in the middle of an answer");
			}
			head.write(b);
			matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
			checkBounds(head.size(), deadline);
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	private static byte[] readChunked(InputStream in, long deadline) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String sizeLine = readLine(in, deadline);
			int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
			if (size == 0) {
				while (!readLine(in, deadline).isEmpty()) {
					// trailers
				}
				return body.toByteArray();
			}
			body.write(readExactly(in, size, deadline));
			readLine(in, deadline);
			checkBounds(body.size(), deadline);
		}
	}

	private static String readLine(InputStream in, long deadline) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != '\n') {
			if (b < 0) {
				throw new IOException("closed in the middle of a chunked answer");
			}
			if (b != '\r') {
				line.write(b);
			}
			checkBounds(line.size(), deadline);
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	private static byte[] readExactly(InputStream in, int length, long deadline) throws IOException {
		checkBounds(length, deadline);
		byte[] bytes = in.readNBytes(length);
		if (bytes.length < length) {
			throw new IOException("closed in the middle of an answer");
		}
		return bytes;
	}

	private static byte[] readToEnd(InputStream in, long deadline) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int read;
		while ((read = in.read(buffer)) >= 0) {
			body.write(buffer, 0, read);
			checkBounds(body.size(), deadline);
		}
		return body.toByteArray();
	}

	private static void checkBounds(int size, long deadline) throws IOException {
		if (size > MAX_ANSWER) {
			throw new IOException("an answer over " + MAX_ANSWER + " bytes");
		}
		if (System.nanoTime() > deadline) {
			throw new SocketTimeoutException("no complete answer in time");
		}
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// Closing a broken connection: nothing left to do.
			}
			this.socket = null;
		}
	}

	/** One answer: its status, headers (names in lower case) and body as text. */
	record Answer(int status, Map<String, String> headers, String body, boolean closes) {

		String contentType() {
			return this.headers.getOrDefault("content-type", "");
		}

	}

	private static final class StaleConnectionException extends IOException {

		StaleConnectionException() {
			super("the connection was closed before an answer began");
		}

	}

}
