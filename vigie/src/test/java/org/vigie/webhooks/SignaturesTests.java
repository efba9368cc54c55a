package org.vigie.webhooks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.vigie.connectors.support.ApiReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The signature vectors of ../shared/api-reference, and what must not pass. */
class SignaturesTests {

	static final String META_SECRET = "vigie-test-app-secret";

	static final String X_SECRET = "vigie-test-consumer-secret";

	static final Pattern VECTOR = Pattern.compile("`([\\w-]+\\.json)` → `X-Hub-Signature-256: (sha256=[0-9a-f]{64})`");

	@Test
	void everyFacebookAndInstagramVectorVerifies() {
		int checked = 0;
		for (String network : new String[] { "facebook", "instagram" }) {
			Matcher m = VECTOR.matcher(ApiReference.text(network + "/samples/signatures.md"));
			while (m.find()) {
				byte[] body = ApiReference.bytes(network + "/samples/" + m.group(1));
				assertThat(Signatures.meta(META_SECRET, body, m.group(2))).as(m.group(1)).isEqualTo(Signatures.Verdict.VALID);
				assertThat(Signatures.metaHeader(META_SECRET, body)).isEqualTo(m.group(2));
				checked++;
			}
		}
		assertThat(checked).isEqualTo(12);
	}

	@Test
	void theXCrcAndSignatureVectorsVerify() {
		assertThat(Signatures.xCrcResponse(X_SECRET, "challenge-1234"))
			.isEqualTo("sha256=VqcN05EwfpZYr8v6nQa0RFXiTb20GrDVMVpURbfmP2E=");
		byte[] body = ApiReference.bytes("x/samples/aaa-tweet-create-mention.json");
		assertThat(Signatures.x(X_SECRET, body, "sha256=zsx0vtq39CfmGIjJt/0Xi6yk0hbqkSMo9F0eBtcEuqQ="))
			.isEqualTo(Signatures.Verdict.VALID);
	}

	@Test
	void aTamperedBodyAWrongSecretOrAMissingHeaderDoNotPass() {
		byte[] body = ApiReference.bytes("facebook/samples/webhook-feed-comment-add.json");
		String good = "sha256=320cedb149b4fdd29bed4ad16e9d9c455dfeb14f2330bd97c4f5f4a841f605f0";
		byte[] tampered = body.clone();
		tampered[tampered.length / 2] ^= 1;
		assertThat(Signatures.meta(META_SECRET, tampered, good)).isEqualTo(Signatures.Verdict.INVALID);
		assertThat(Signatures.meta("another-secret", body, good)).isEqualTo(Signatures.Verdict.INVALID);
		assertThat(Signatures.meta(META_SECRET, body, null)).isEqualTo(Signatures.Verdict.MISSING);
		assertThat(Signatures.meta(META_SECRET, body, "sha1=abc")).isEqualTo(Signatures.Verdict.INVALID);
		assertThat(Signatures.meta(META_SECRET, body, "sha256=zz")).isEqualTo(Signatures.Verdict.INVALID);
		assertThat(Signatures.meta("", body, good)).isEqualTo(Signatures.Verdict.INVALID);
		byte[] x = ApiReference.bytes("x/samples/aaa-tweet-create-mention.json");
		assertThat(Signatures.x("wrong", x, "sha256=zsx0vtq39CfmGIjJt/0Xi6yk0hbqkSMo9F0eBtcEuqQ="))
			.isEqualTo(Signatures.Verdict.INVALID);
		assertThat(Signatures.x(X_SECRET, x, "")).isEqualTo(Signatures.Verdict.MISSING);
	}

	@Test
	void verifyTokensCompareExactly() {
		assertThat(Signatures.same("vigie-verify-token", "vigie-verify-token")).isTrue();
		assertThat(Signatures.same("vigie-verify-token", "vigie-verify-tokem")).isFalse();
		assertThat(Signatures.same("", "")).isFalse();
		assertThat(Signatures.same("vigie-verify-token", null)).isFalse();
	}
}
