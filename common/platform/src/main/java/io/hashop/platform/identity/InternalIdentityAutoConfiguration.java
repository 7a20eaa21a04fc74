package io.hashop.platform.identity;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Issues and verifies internal tokens; in a servlet application, every HTTP endpoint but
 * the health probes requires one unless {@code platform.identity.require-on-http=false}.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "platform.identity.enabled", matchIfMissing = true)
@EnableConfigurationProperties(InternalIdentityProperties.class)
public class InternalIdentityAutoConfiguration {

	@Bean
	InternalTokenIssuer internalTokenIssuer(InternalIdentityProperties properties) {
		return new InternalTokenIssuer(properties, Clock.systemUTC());
	}

	@Bean
	InternalTokenVerifier internalTokenVerifier(InternalIdentityProperties properties) {
		return new InternalTokenVerifier(properties);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(WebMvcConfigurer.class)
	@ConditionalOnBooleanProperty(name = "platform.identity.require-on-http", matchIfMissing = true)
	static class HttpIdentityConfiguration {

		@Bean
		WebMvcConfigurer internalIdentityWebMvcConfigurer(InternalTokenVerifier verifier) {
			return new WebMvcConfigurer() {

				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(new InternalIdentityHandlerInterceptor(verifier))
						.excludePathPatterns("/healthz", "/livez", "/readyz", "/error");
				}

				@Override
				public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
					resolvers.add(new CallerIdentityArgumentResolver());
				}

			};
		}

	}

}
