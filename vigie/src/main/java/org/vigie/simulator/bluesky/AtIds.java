package org.vigie.simulator.bluesky;

import java.util.Locale;
import java.util.Optional;

/**
 * The simulated network's identifiers in AT Protocol form: DIDs for users, record keys in the
 * TID alphabet (base32-sortable, 13 characters) for posts, {@code at://} URIs and CIDs.
 */
final class AtIds {

	private static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";

	private static final String POST = "app.bsky.feed.post";

	private AtIds() {
	}

	static String did(String userId) {
		return "did:plc:sim" + Long.toString(Long.parseLong(userId), 36);
	}

	static Optional<String> userId(String did) {
		if (!did.startsWith("did:plc:sim")) {
			return Optional.empty();
		}
		try {
			return Optional.of(Long.toString(Long.parseLong(did.substring("did:plc:sim".length()), 36)));
		}
		catch (NumberFormatException notOurs) {
			return Optional.empty();
		}
	}

	/** A record key from a post's numeric id, in the TID alphabet so that keys sort as ids do. */
	static String rkey(String postId) {
		long n = Long.parseLong(postId);
		char[] out = new char[13];
		for (int i = 12; i >= 0; i--) {
			out[i] = ALPHABET.charAt((int) (n & 31));
			n >>>= 5;
		}
		return new String(out);
	}

	static Optional<String> postId(String rkey) {
		if (rkey.length() != 13) {
			return Optional.empty();
		}
		long n = 0;
		for (char c : rkey.toLowerCase(Locale.ROOT).toCharArray()) {
			int v = ALPHABET.indexOf(c);
			if (v < 0) {
				return Optional.empty();
			}
			n = (n << 5) | v;
		}
		return Optional.of(Long.toString(n));
	}

	static String uri(String authorId, String postId) {
		return "at://" + did(authorId) + "/" + POST + "/" + rkey(postId);
	}

	/** The post id of an {@code at://…/app.bsky.feed.post/<rkey>} URI. */
	static Optional<String> postIdOfUri(String uri) {
		String[] parts = uri.replaceFirst("^at://", "").split("/");
		if (parts.length != 3 || !parts[1].equals(POST)) {
			return Optional.empty();
		}
		return postId(parts[2]);
	}

	static String cid(String postId) {
		return "bafyreisim" + Long.toString(Long.parseLong(postId), 32);
	}
}
