package io.hashop.bench.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.hashop.bench.load.Tools;

/**
 * An nginx reverse proxy in front of one BFF, the yardstick for the gateway: as many
 * workers as cores, upstream keep-alive, an access log like the gateway's (buffered).
 */
public final class Nginx implements AutoCloseable {

	private final Process process;

	private final int port;

	private Nginx(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	public static Nginx start(Path workDirectory, int port, String upstream) {
		Path nginx = Tools.require("nginx", "nginx-light");
		// nginx resolves a relative -c against its -p prefix, not against the working
		// directory.
		Path directory = workDirectory.toAbsolutePath();
		try {
			Files.createDirectories(directory);
			Path config = directory.resolve("nginx.conf");
			Files.writeString(config, config(directory, port, upstream));
			Process process = new ProcessBuilder(
					List.of(nginx.toString(), "-p", directory.toString(), "-c", config.toString()))
				.redirectErrorStream(true)
				.redirectOutput(directory.resolve("nginx.out").toFile())
				.start();
			awaitPort(port, process);
			return new Nginx(process, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	@Override
	public void close() {
		this.process.destroy();
	}

	static String config(Path directory, int port, String upstream) {
		return """
				worker_processes auto;
				daemon off;
				pid %1$s/nginx.pid;
				error_log %1$s/error.log warn;
				events { worker_connections 4096; }
				http {
				  access_log %1$s/access.log combined buffer=64k flush=1s;
				  client_body_temp_path %1$s/body;
				  proxy_temp_path %1$s/proxy;
				  fastcgi_temp_path %1$s/fastcgi;
				  uwsgi_temp_path %1$s/uwsgi;
				  scgi_temp_path %1$s/scgi;
				  upstream bff { server %3$s; keepalive 64; }
				  server {
				    listen 127.0.0.1:%2$d;
				    location / {
				      proxy_pass http://bff;
				      proxy_http_version 1.1;
				      proxy_set_header Connection "";
				      proxy_set_header Host $host;
				      proxy_set_header X-Forwarded-For $remote_addr;
				    }
				  }
				}
				""".formatted(directory, port, upstream);
	}

	private static void awaitPort(int port, Process process) throws IOException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IOException("nginx exited with " + process.exitValue() + " (see its error.log)");
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
				return;
			}
			catch (IOException ex) {
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new IOException("Interrupted", interrupted);
				}
			}
		}
		throw new IOException("nginx did not listen on " + port + " within 10 s");
	}

}
