package io.hashop.bench.load;

import io.hashop.bench.harness.Measurement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WrkOutputTests {

	private static final String OUTPUT = """
			Running 10s test @ http://127.0.0.1:8081/api/products
			  2 threads and 32 connections
			  Thread Stats   Avg      Stdev     Max   +/- Stdev
			    Latency     2.35ms    1.20ms  30.00ms   80.00%
			    Req/Sec     6.80k   500.00     7.50k    70.00%
			  Latency Distribution
			     50%  850.00us
			     75%    2.80ms
			     90%    3.50ms
			     99%    1.20s
			  135000 requests in 10.00s, 50.00MB read
			  Socket errors: connect 0, read 2, write 0, timeout 3
			  Non-2xx or 3xx responses: 12
			Requests/sec:  13500.50
			Transfer/sec:      5.00MB
			""";

	@Test
	void readsThroughputPercentilesInMillisecondsAndEveryFailure() throws Exception {
		Measurement measurement = WrkOutput.parse(OUTPUT);

		assertThat(measurement.figure(Measurement.THROUGHPUT)).isEqualTo(13500.50);
		assertThat(measurement.figure(Measurement.P50)).isCloseTo(0.85, within(1e-9));
		assertThat(measurement.figure(Measurement.P99)).isEqualTo(1200.0);
		assertThat(measurement.failures()).isEqualTo(17);
	}

	@Test
	void refusesOutputWithoutAThroughput() {
		org.assertj.core.api.Assertions.assertThatException()
			.isThrownBy(() -> WrkOutput.parse("unable to connect to 127.0.0.1:1 Connection refused"))
			.withMessageContaining("No throughput");
	}

}
