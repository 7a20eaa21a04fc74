package io.hashop.gateway.error;

import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's problem+json error handling. */
@Configuration(proxyBeanMethods = false)
class ErrorConfiguration {

	@Bean
	ProblemJsonExceptionHandler problemJsonExceptionHandler(ProblemProperties properties, JsonMapper json) {
		return new ProblemJsonExceptionHandler(new ProblemClassifier(properties.unavailableRetryAfter()), json);
	}

	@Bean
	MalformedRequestFilter malformedRequestFilter() {
		return new MalformedRequestFilter();
	}

	@Bean
	NettyServerCustomizer malformedRequestMarker() {
		return (server) -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline()
					.addAfter(NettyPipeline.HttpCodec, "hashop.malformedRequestMarker", new MalformedRequestMarker());
			}
		});
	}

}
