package io.hashop.launcher.infrastructure;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTests {

	@Test
	void runsOneKraftNodeOnLoopbackWithoutAutoCreatedTopics() {
		String configuration = KafkaBrokerDirectory.serverConfiguration(19092, 19093, Path.of("/tmp/kafka/data"));

		assertThat(configuration).contains("process.roles=broker,controller")
			.contains("listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
			.contains("controller.quorum.voters=1@127.0.0.1:19093")
			.contains("log.dirs=/tmp/kafka/data")
			.contains("auto.create.topics.enable=false")
			.contains("offsets.topic.replication.factor=1");
	}

	@Test
	void startsTheBrokerFromItsJarsWithASmallHeap() {
		KafkaBroker broker = new KafkaBroker(Path.of("/jdk/bin/java"), Path.of("/repo/libs"), Path.of("/tmp/k"), 19092,
				19093);

		assertThat(broker.command("kafka.Kafka", "/tmp/k/server.properties")).startsWith("/jdk/bin/java")
			.contains("-Xmx512m", "-cp", Path.of("/repo/libs/*").toString(), "kafka.Kafka")
			.endsWith("/tmp/k/server.properties");
		assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:19092");
	}

}
