package org.vigie.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.vigie.shared.Network;

/**
 * The ground truth of every simulated network: its users and posts. The fakes serve it over HTTP
 * and tests count against it. Ids grow with time on every network, as snowflakes do. Thread-safe.
 */
public final class SimWorld {

	private static final long X_EPOCH = 1288834974657L;

	private final Map<Network, ConcurrentSkipListMap<Long, SimPost>> posts = new EnumMap<>(Network.class);

	private final Map<Network, Map<String, SimUser>> users = new EnumMap<>(Network.class);

	private final Map<Network, Long> lastId = new EnumMap<>(Network.class);

	private final Map<Network, Long> lastUser = new EnumMap<>(Network.class);

	public SimWorld() {
		for (Network n : Network.values()) {
			posts.put(n, new ConcurrentSkipListMap<>());
			users.put(n, new ConcurrentHashMap<>());
		}
	}

	/** A new post id for {@code network} at {@code at}: a snowflake, strictly greater than any before. */
	public synchronized String nextId(Network network, Instant at) {
		long ms = at.toEpochMilli();
		long computed = switch (network) {
			case X -> Math.max(0, ms - X_EPOCH) << 22;
			case MASTODON -> ms << 16;
			default -> ms * 1000;
		};
		long id = Math.max(computed, lastId.getOrDefault(network, 0L) + 1);
		lastId.put(network, id);
		return Long.toString(id);
	}

	/** The smallest id a post created at {@code at} could have, for {@code since}-style cursors computed from time. */
	public static long idAt(Network network, Instant at) {
		long ms = at.toEpochMilli();
		return switch (network) {
			case X -> Math.max(0, ms - X_EPOCH) << 22;
			case MASTODON -> ms << 16;
			default -> ms * 1000;
		};
	}

	/** Adds a user with a fresh id. */
	public synchronized SimUser addUser(Network network, String handle, String name, long followers, boolean verified,
			String lang) {
		Optional<SimUser> existing = userByHandle(network, handle);
		if (existing.isPresent()) {
			return existing.get();
		}
		long base = verified ? 1_000_000_000L : 3_000_000_000L;
		long id = Math.max(base, lastUser.getOrDefault(network, 0L) + 1);
		if (!verified && id < 3_000_000_000L) {
			id = 3_000_000_000L;
		}
		lastUser.put(network, id);
		SimUser user = new SimUser(Long.toString(id), handle, name, followers, verified, lang);
		users.get(network).put(user.id(), user);
		return user;
	}

	public Optional<SimUser> user(Network network, String id) {
		return Optional.ofNullable(users.get(network).get(id));
	}

	public Optional<SimUser> userByHandle(Network network, String handle) {
		return users.get(network).values().stream().filter(u -> u.handle().equalsIgnoreCase(handle)).findFirst();
	}

	public List<SimUser> users(Network network) {
		return List.copyOf(users.get(network).values());
	}

	/** Adds a post as is. Replies bump their parent's reply count. */
	public SimPost add(SimPost post) {
		posts.get(post.network()).put(post.number(), post);
		if (post.inReplyToId() != null) {
			update(post.network(), post.inReplyToId(), p -> p.withReplies(p.replies() + 1));
		}
		return post;
	}

	/**
	 * Writes a new post now.
	 * @param inReplyTo the post it answers, or null
	 * @param directTo the recipient of a direct message, or null for a public post
	 */
	public SimPost post(Network network, SimUser author, String text, Instant at, @Nullable SimPost inReplyTo,
			@Nullable SimUser directTo, String lang, @Nullable String show) {
		String id = nextId(network, at);
		List<String> mentions = new ArrayList<>();
		List<String> tags = new ArrayList<>();
		for (String word : text.split("[\\s,.!?;:()«»\"]+")) {
			if (word.startsWith("@") && word.length() > 1) {
				mentions.add(word.substring(1));
			}
			else if (word.startsWith("#") && word.length() > 1) {
				tags.add(word.substring(1));
			}
		}
		if (inReplyTo != null && !mentions.contains(inReplyTo.author().handle())
				&& !inReplyTo.author().handle().equals(author.handle())) {
			// X and Mastodon both mention the author of the post a reply answers.
			mentions.add(inReplyTo.author().handle());
		}
		String conversation = inReplyTo == null ? id : inReplyTo.conversationId();
		long impressions = 10 + Math.abs(id.hashCode() % 500);
		return add(new SimPost(id, network, author, text, at, inReplyTo == null ? null : inReplyTo.id(),
				inReplyTo == null ? null : inReplyTo.author().id(), conversation, mentions, tags, directTo, lang, show, 0, 0,
				0, impressions, false, false, null));
	}

	public Optional<SimPost> find(Network network, String id) {
		try {
			return Optional.ofNullable(posts.get(network).get(Long.parseLong(id)));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	/** Replaces a post by {@code change} of it; no-op if absent. */
	public void update(Network network, String id, UnaryOperator<SimPost> change) {
		find(network, id).ifPresent(p -> posts.get(network).put(p.number(), change.apply(p)));
	}

	public boolean delete(Network network, String id) {
		return find(network, id).map(p -> posts.get(network).remove(p.number()) != null).orElse(false);
	}

	/** Every post of the network visible at {@code now}, newest first, that {@code filter} accepts. */
	public List<SimPost> query(Network network, Instant now, Predicate<SimPost> filter) {
		List<SimPost> out = new ArrayList<>();
		for (SimPost p : posts.get(network).descendingMap().values()) {
			if (!p.createdAt().isAfter(now) && filter.test(p)) {
				out.add(p);
			}
		}
		return out;
	}

	/** The posts of the network numbered after {@code number} and visible at {@code now}, oldest first. */
	public List<SimPost> after(Network network, long number, Instant now) {
		List<SimPost> out = new ArrayList<>();
		for (SimPost p : posts.get(network).tailMap(number, false).values()) {
			if (!p.createdAt().isAfter(now)) {
				out.add(p);
			}
		}
		return out;
	}

	/** The number of the newest post of the network visible at {@code now} (posts may be dated later), or 0. */
	public long newestNumber(Network network, Instant now) {
		for (SimPost p : posts.get(network).descendingMap().values()) {
			if (!p.createdAt().isAfter(now)) {
				return p.number();
			}
		}
		return 0;
	}

	/** Ground truth: public posts mentioning {@code account} written by others, visible at {@code now}. */
	public List<SimPost> mentionsOf(Network network, SimUser account, Instant now) {
		return query(network, now, p -> !p.isDirect() && p.mentions(account.handle()) && !p.author().id().equals(account.id()));
	}

	/** Ground truth: direct messages sent to or by {@code account}. */
	public List<SimPost> directMessagesOf(Network network, SimUser account, Instant now) {
		return query(network, now, p -> p.isDirect()
				&& (p.directTo().id().equals(account.id()) || p.author().id().equals(account.id())));
	}

	/** Ground truth: what {@code account} wrote in public. */
	public List<SimPost> postsBy(Network network, SimUser account, Instant now) {
		return query(network, now, p -> !p.isDirect() && p.author().id().equals(account.id()));
	}

	/** Marks a post to be served broken, for tests of rejection. */
	public void breakPost(Network network, String id) {
		update(network, id, p -> p.withMalformed(true));
	}

	public int size(Network network) {
		return posts.get(network).size();
	}

	/** Forgets every post and user of one network. */
	public synchronized void clear(Network network) {
		posts.get(network).clear();
		users.get(network).clear();
		lastUser.remove(network);
	}
}
