package io.hashop.gateway.ratelimit;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginAccountLimitFilterTests {

	@Test
	void readsTheTopLevelEmail() {
		assertThat(emails("{\"email\":\"ada@example.com\",\"password\":\"x\"}")).containsExactly("ada@example.com");
		assertThat(
				emails("{\"password\":\"x\",\"nested\":{\"email\":\"no@example.com\"},\"email\":\"ada@example.com\"}"))
			.containsExactly("ada@example.com");
	}

	@Test
	void chargesEveryCandidateOfADuplicatedKey() {
		assertThat(emails("{\"email\":\"decoy@example.com\",\"email\":\"victim@example.com\"}"))
			.containsExactly("decoy@example.com", "victim@example.com");
	}

	@Test
	void findsNoAccountInWhatTheBffRefusesAnyway() {
		for (String body : new String[] { "", "not json", "[\"ada@example.com\"]", "{\"email\":42}",
				"{\"email\":\"  \"}", "{\"email\":null}", "\"ada@example.com\"" }) {
			assertThat(emails(body)).as(body).isEmpty();
		}
	}

	@Test
	void keepsWhatItReadBeforeBrokenJson() {
		assertThat(emails("{\"email\":\"ada@example.com\",\"password\":")).containsExactly("ada@example.com");
	}

	private static java.util.Set<String> emails(String body) {
		return LoginAccountLimitFilter.emails(body.getBytes(StandardCharsets.UTF_8));
	}

}
