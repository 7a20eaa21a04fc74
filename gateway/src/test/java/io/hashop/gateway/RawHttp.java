package io.hashop.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Bytes on a socket, for what a well-behaved client library will not send: raw
 * non-canonical paths and chunked bodies.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends one request and reads the answer until the server closes the connection.
	 * @param port the gateway's port
	 * @param head the request line and headers, each line without its line break
	 * @param body the body bytes exactly as they go on the wire
	 * @return the answer
	 */
	public static Answer exchange(int port, String head, byte[] body) {
		return exchange("127.0.0.1", port, head, body);
	}

	/**
	 * Sends one request from the given loopback address (see
	 * {@link EdgeClient#address()}) and reads the answer until the server closes the
	 * connection.
	 * @param localAddress the client's own address
	 * @param port the gateway's port
	 * @param head the request line and headers, each line without its line break
	 * @param body the body bytes exactly as they go on the wire
	 * @return the answer
	 */
	public static Answer exchange(String localAddress, int port, String head, byte[] body) {
		try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(localAddress),
				0)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write((head.replace("\n", "\r\n") + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			out.write(body);
			out.flush();
			return Answer.parse(readAll(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A chunked encoding of the body, in chunks of the given size. */
	public static byte[] chunked(byte[] body, int chunkSize) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int offset = 0; offset < body.length; offset += chunkSize) {
			int length = Math.min(chunkSize, body.length - offset);
			out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(body, offset, length);
			out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
				out.write(buffer, 0, read);
			}
		}
		catch (IOException ex) {
			// A reset after the answer was sent still leaves the answer readable.
			if (out.size() == 0) {
				throw ex;
			}
		}
		return out.toByteArray();
	}

	/**
	 * An HTTP answer.
	 *
	 * @param status the status code
	 * @param headers the headers, names in lower case
	 * @param body the body as text (chunked framing left in place)
	 */
	public record Answer(int status, Map<String, String> headers, String body) {

		static Answer parse(byte[] bytes) {
			String text = new String(bytes, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			String[] lines = text.substring(0, (end >= 0) ? end : text.length()).split("\r\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
			return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers,
					(end >= 0) ? text.substring(end + 4) : "");
		}

	}

}
