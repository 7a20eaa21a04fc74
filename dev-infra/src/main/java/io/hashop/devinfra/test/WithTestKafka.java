package io.hashop.devinfra.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Gives the test context an embedded Kafka broker of its own, and points
 * {@code spring.kafka.bootstrap-servers} at it. {@link TestConsumer} reads what the
 * context published.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public @interface WithTestKafka {

	/**
	 * Partitions of each topic the broker creates, as the topics in production have
	 * several (2 unless a test needs otherwise).
	 * @return the partitions per topic
	 */
	@AliasFor(annotation = EmbeddedKafka.class, attribute = "partitions")
	int partitions() default 2;

	/**
	 * Topics created before the context starts; others are created on first use.
	 * @return the topics to create
	 */
	@AliasFor(annotation = EmbeddedKafka.class, attribute = "topics")
	String[] topics() default {};

}
