package io.hashop.devinfra;

import java.time.Duration;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RedisSentinelGroupIntegrationTests {

	@Test
	void promotesTheReplicaWithWhatWasReplicatedWhenThePrimaryIsKilled() {
		try (RedisSentinelGroup group = RedisSentinelGroup.start(0)) {
			await().atMost(Duration.ofSeconds(10)).until(group::replicaInSync);
			int primary = group.primaryPort().orElseThrow();
			Resp.call(primary, "SET", "survives", "yes");
			assertThat(Resp.call(primary, "WAIT", "1", "2000")).containsExactly(":1");

			assertThat(group.killPrimary()).isEqualTo(primary);

			await().atMost(Duration.ofSeconds(15))
				.until(group::primaryPort, (port) -> port.isPresent() && port.getAsInt() != primary);
			OptionalInt promoted = group.primaryPort();
			assertThat(Resp.call(promoted.getAsInt(), "GET", "survives")).contains("yes");
			assertThat(Resp.call(promoted.getAsInt(), "ROLE")).contains("master");
			assertThat(group.sentinelNodes()).matches("127\\.0\\.0\\.1:\\d+(,127\\.0\\.0\\.1:\\d+){2}");
		}
	}

}
