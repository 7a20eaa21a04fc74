package io.hashop.bench.transport;

/** A server and its client in this JVM, started and ready for calls. */
interface Transport extends AutoCloseable {

	/**
	 * Makes one call as the BFF would, checking the answer.
	 * @throws Exception if the call failed or its answer was not the page sent
	 */
	void call() throws Exception;

	@Override
	void close();

}
