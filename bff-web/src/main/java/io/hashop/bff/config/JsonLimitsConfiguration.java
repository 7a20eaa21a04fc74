package io.hashop.bff.config;

import java.util.List;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JSON mapper for untrusted input: shallow nesting, short strings and numbers, so a
 * hostile body costs little to reject. Boot's customizers (the {@code spring.jackson.*}
 * settings, such as failing on unknown fields) still apply.
 */
@Configuration(proxyBeanMethods = false)
class JsonLimitsConfiguration {

	static final int MAX_NESTING_DEPTH = 16;

	static final int MAX_STRING_LENGTH = 16 * 1024;

	static final int MAX_NUMBER_LENGTH = 32;

	@Bean
	JsonMapper jsonMapper(List<JsonMapperBuilderCustomizer> customizers) {
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(MAX_NESTING_DEPTH)
				.maxStringLength(MAX_STRING_LENGTH)
				.maxNumberLength(MAX_NUMBER_LENGTH)
				.build())
			.build();
		JsonMapper.Builder builder = JsonMapper.builder(factory);
		customizers.forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

}
