package io.hashop.gateway.requestid;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTests {

	@ParameterizedTest
	@ValueSource(strings = { "a", "abc-DEF_123.x", "0123456789012345678901234567890123456789012345678901234567890123" })
	void acceptsAWellFormedId(String id) {
		assertThat(RequestIds.acceptOrGenerate(List.of(id))).isEqualTo(id);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "a b", "a/b", "a\tb", "ä", "<script>",
			"01234567890123456789012345678901234567890123456789012345678901234" })
	void replacesAMalformedIdWithAUuid(String id) {
		String result = RequestIds.acceptOrGenerate(List.of(id));

		assertThat(UUID.fromString(result).toString()).isEqualTo(result);
	}

	@Test
	void generatesAUuidForNoneOrSeveralIds() {
		String none = RequestIds.acceptOrGenerate(List.of());
		String several = RequestIds.acceptOrGenerate(List.of("one", "two"));

		assertThat(UUID.fromString(none).toString()).isEqualTo(none);
		assertThat(UUID.fromString(several).toString()).isEqualTo(several);
		assertThat(none).isNotEqualTo(several);
	}

}
