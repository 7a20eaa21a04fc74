package io.hashop.devinfra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One Redis command over a fresh connection, its reply as lines of the wire format:
 * enough to ask a sentinel for the primary or a server for its process id, without a
 * client library in the launcher.
 */
final class Resp {

	private static final int TIMEOUT_MILLIS = 1000;

	private Resp() {
	}

	/**
	 * Sends one command and returns the reply's lines, such as {@code [*2, $9, 127.0.0.1,
	 * $5, 16379]}.
	 * @throws UncheckedIOException if the server does not answer
	 */
	static List<String> call(int port, String... arguments) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			out.write(command(arguments));
			out.flush();
			return read(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Redis on port " + port + " did not answer " + arguments[0], ex);
		}
	}

	private static byte[] command(String... arguments) {
		StringBuilder command = new StringBuilder("*").append(arguments.length).append("\r\n");
		for (String argument : arguments) {
			command.append('$')
				.append(argument.getBytes(StandardCharsets.UTF_8).length)
				.append("\r\n")
				.append(argument)
				.append("\r\n");
		}
		return command.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** Reads until the reply stops arriving; replies here are small and sent at once. */
	private static List<String> read(InputStream in) throws IOException {
		ByteArrayOutputStream reply = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int read = in.read(buffer);
		while (read > 0) {
			reply.write(buffer, 0, read);
			read = (in.available() > 0) ? in.read(buffer) : -1;
		}
		return List.of(reply.toString(StandardCharsets.UTF_8).split("\r\n"));
	}

}
