package io.hashop.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The error handling of every listener: poison records go to {@code <topic>.dlt} at once;
 * transient failures are retried with capped back-off until they succeed; anything else
 * is retried a few times, then dead-lettered. A dead-lettered record keeps its key, value
 * bytes and headers, and gains the {@code kafka_dlt-*} headers with the exception, the
 * original topic, partition, offset and consumer group.
 */
final class EventErrorHandlers {

	private EventErrorHandlers() {
	}

	static DefaultErrorHandler deadLettering(KafkaOperations<?, ?> template, KafkaPlatformProperties.Retry retry,
			DeadLetterCounter deadLetters) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				EventErrorHandlers::deadLetterTopic);
		ConsumerRecordRecoverer counted = (record, exception) -> {
			recoverer.accept(record, exception);
			deadLetters.count(record.topic());
		};
		DefaultErrorHandler handler = new DefaultErrorHandler(counted, limited(retry));
		handler.addNotRetryableExceptions(PoisonEventException.class);
		handler.setBackOffFunction((record, exception) -> isTransient(exception) ? unlimited(retry) : null);
		handler.setCommitRecovered(true);
		return handler;
	}

	/**
	 * Any partition of the dead-letter topic: the key keeps one order's records together.
	 */
	static TopicPartition deadLetterTopic(ConsumerRecord<?, ?> record, Exception exception) {
		return new TopicPartition(DeadLetterTopics.of(record.topic()), -1);
	}

	static boolean isTransient(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof PoisonEventException) {
				return false;
			}
			if (cause instanceof RetryableEventException || cause instanceof TransientDataAccessException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof CannotCreateTransactionException) {
				return true;
			}
		}
		return false;
	}

	private static BackOff limited(KafkaPlatformProperties.Retry retry) {
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.attempts());
		backOff.setInitialInterval(retry.initialInterval().toMillis());
		backOff.setMultiplier(2);
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		return backOff;
	}

	private static BackOff unlimited(KafkaPlatformProperties.Retry retry) {
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), 2);
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		return backOff;
	}

}
