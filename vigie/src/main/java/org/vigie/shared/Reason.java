package org.vigie.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Why something failed, for people, kept as a message key and its arguments so that each reader
 * gets it in their own language (the key is looked up in the i18n bundles when it is shown). An
 * argument is either text shown as it is (a network's name, the network's own words) or a nested
 * reason, itself translated. A reason without a key is plain words, shown as they are: what older
 * rows hold, and what a failure nobody has worded yet says.
 *
 * <p>Stored in a text column by {@link #encode()}: a keyed reason as a small JSON object
 * {@code {"key":"…","args":[…]}}, plain words as themselves; {@link #decode(String)} reads both,
 * so columns written before reasons had keys still show.
 *
 * @param key the message key, or empty for plain words
 * @param args for a keyed reason, its arguments ({@code String} or {@code Reason}); for plain
 *        words, the words alone
 */
public record Reason(String key, List<Object> args) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PREFIX = "{\"key\":";

	public Reason {
		List<Object> copy = new ArrayList<>(args.size());
		for (Object arg : args) {
			copy.add(arg instanceof Reason ? arg : String.valueOf(arg));
		}
		args = List.copyOf(copy);
		if (key.isEmpty() && args.size() != 1) {
			throw new IllegalArgumentException("Plain words are one argument");
		}
	}

	/** A keyed reason; arguments that are neither text nor reasons are shown through {@code String.valueOf}. */
	public static Reason of(String key, Object... args) {
		if (key.isBlank()) {
			throw new IllegalArgumentException("A reason's key is not blank");
		}
		return new Reason(key, List.of(args));
	}

	/** Plain words, shown as they are in every language. */
	public static Reason words(String words) {
		return new Reason("", List.of(words));
	}

	/** True for plain words (no key). */
	public boolean plain() {
		return key.isEmpty();
	}

	/** The key, or empty for plain words. */
	public Optional<String> code() {
		return plain() ? Optional.empty() : Optional.of(key);
	}

	/** For a text column: the JSON form of a keyed reason, or the plain words. */
	public String encode() {
		return plain() ? (String) args.get(0) : JSON.writeValueAsString(node(this));
	}

	/** What {@link #encode()} wrote; any other text (an older row) is plain words. */
	public static Reason decode(String stored) {
		if (stored.startsWith(PREFIX)) {
			try {
				Reason r = reason(JSON.readTree(stored));
				if (r != null) {
					return r;
				}
			}
			catch (JacksonException | IllegalArgumentException notOurs) {
				// plain words that happen to look like JSON: shown as they are
			}
		}
		return words(stored);
	}

	/** The key of a stored reason, for programs: null for plain words or no reason. */
	public static @Nullable String codeOf(@Nullable String stored) {
		return stored == null ? null : decode(stored).code().orElse(null);
	}

	/** {@link #decode(String)} of a nullable column. */
	public static @Nullable Reason decodeNullable(@Nullable String stored) {
		return stored == null ? null : decode(stored);
	}

	/** {@link #encode()} for a column of {@code max} characters: text arguments lose their end first, so the JSON stays whole. */
	public String encode(int max) {
		String encoded = encode();
		if (encoded.length() <= max) {
			return encoded;
		}
		if (plain()) {
			return encoded.substring(0, max);
		}
		String shorter = shortened(this, Math.max(10, max / (2 * (1 + count(this))))).encode();
		return shorter.length() <= max ? shorter : new Reason(key, List.of()).encode();
	}

	private static int count(Reason r) {
		int n = 0;
		for (Object arg : r.args) {
			n += arg instanceof Reason nested ? count(nested) : 1;
		}
		return n;
	}

	private static Reason shortened(Reason r, int each) {
		List<Object> args = new ArrayList<>();
		for (Object arg : r.args) {
			if (arg instanceof Reason nested) {
				args.add(shortened(nested, each));
			}
			else {
				String s = (String) arg;
				args.add(s.length() <= each ? s : s.substring(0, each) + "…");
			}
		}
		return new Reason(r.key, args);
	}

	private static ObjectNode node(Reason r) {
		ObjectNode node = JSON.createObjectNode();
		node.put("key", r.key);
		ArrayNode args = node.putArray("args");
		for (Object arg : r.args) {
			if (arg instanceof Reason nested) {
				args.add(nested.plain() ? JSON.getNodeFactory().stringNode((String) nested.args.get(0)) : node(nested));
			}
			else {
				args.add((String) arg);
			}
		}
		return node;
	}

	private static @Nullable Reason reason(JsonNode node) {
		JsonNode key = node.get("key");
		JsonNode args = node.get("args");
		if (key == null || !key.isString() || key.asString().isBlank() || (args != null && !args.isArray())) {
			return null;
		}
		List<Object> values = new ArrayList<>();
		if (args != null) {
			for (JsonNode arg : args) {
				if (arg.isObject()) {
					Reason nested = reason(arg);
					if (nested == null) {
						return null;
					}
					values.add(nested);
				}
				else {
					values.add(arg.asString());
				}
			}
		}
		return new Reason(key.asString(), values);
	}
}
