package io.hashop.launcher.process;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A process that is alive or has exited, without starting anything.
 */
class FakeProcess extends Process {

	private final boolean alive;

	private final int exitCode;

	FakeProcess(boolean alive, int exitCode) {
		this.alive = alive;
		this.exitCode = exitCode;
	}

	@Override
	public OutputStream getOutputStream() {
		return OutputStream.nullOutputStream();
	}

	@Override
	public InputStream getInputStream() {
		return InputStream.nullInputStream();
	}

	@Override
	public InputStream getErrorStream() {
		return InputStream.nullInputStream();
	}

	@Override
	public int waitFor() {
		return this.exitCode;
	}

	@Override
	public boolean isAlive() {
		return this.alive;
	}

	@Override
	public int exitValue() {
		if (this.alive) {
			throw new IllegalThreadStateException("still running");
		}
		return this.exitCode;
	}

	@Override
	public void destroy() {
	}

}
