package org.vigie.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.connectors.Actions;
import org.vigie.connectors.Batch;
import org.vigie.connectors.Capability;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.Cursor;
import org.vigie.connectors.Feed;
import org.vigie.connectors.SocialConnector;
import org.vigie.shared.AccountId;
import org.vigie.shared.Ids;
import org.vigie.shared.Network;
import org.vigie.shared.Reason;

/** Items, authors and conversations written straight into the tables, and a fake network to act on. */
public final class InboxFixtures {

	private final JdbcClient jdbc;

	private final String workspace;

	public InboxFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.workspace = jdbc.sql("SELECT id FROM workspaces ORDER BY created_at LIMIT 1").query(String.class).single();
	}

	public String account(String showId, Network network, String handle) {
		String id = Ids.next().toString();
		jdbc.sql("""
				INSERT INTO social_accounts (id, workspace_id, show_id, network, handle, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, workspace, showId, network.id(), handle, 0L, 0L)
			.update();
		return id;
	}

	public String author(Network network, String handle, String name, long followers) {
		String id = Ids.next().toString();
		jdbc.sql("""
				INSERT INTO authors (id, network, external_id, handle, display_name, followers, profile_url, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, network.id(), "u-" + id, handle, name, followers, "https://example.org/" + handle, 0L)
			.update();
		return id;
	}

	public String conversation(Network network, @Nullable String accountId, @Nullable String showId) {
		String id = Ids.next().toString();
		jdbc.sql("""
				INSERT INTO conversations (id, network, external_id, account_id, show_id, created_at, last_item_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, network.id(), "c-" + id, accountId, showId, 0L, 0L)
			.update();
		return id;
	}

	/** An item; returns its id. */
	public String item(Seed seed) {
		String id = Ids.next().toString();
		jdbc.sql("""
				INSERT INTO items (id, network, external_id, kind, workspace_id, show_id, account_id, author_id,
				  conversation_id, parent_external_id, text, url, created_at, ingested_at, lang, sentiment, priority,
				  status, from_us)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, seed.network().id(), seed.externalId() == null ? "e-" + id : seed.externalId(), seed.kind(),
					workspace, seed.show(), seed.account(), seed.author(), seed.conversation(), seed.parent(), seed.text(),
					seed.url(), seed.at().toEpochMilli(), seed.at().toEpochMilli(), seed.lang(), seed.sentiment(),
					seed.priority(), "OPEN", seed.fromUs())
			.update();
		return id;
	}

	/** What an item is made of; {@link #of} gives a comment with defaults. */
	public record Seed(Network network, String kind, @Nullable String show, @Nullable String account,
			@Nullable String author, @Nullable String conversation, @Nullable String externalId, @Nullable String parent,
			String text, @Nullable String url, Instant at, @Nullable String lang, @Nullable String sentiment,
			double priority, boolean fromUs) {

		public static Seed of(Network network, String show, String account, String author, String text, Instant at) {
			return new Seed(network, "COMMENT", show, account, author, null, null, null, text, null, at, "fr", "neutral", 0,
					false);
		}

		public Seed kind(String kind) {
			return new Seed(network, kind, show, account, author, conversation, externalId, parent, text, url, at, lang,
					sentiment, priority, fromUs);
		}

		public Seed in(String conversation) {
			return new Seed(network, kind, show, account, author, conversation, externalId, parent, text, url, at, lang,
					sentiment, priority, fromUs);
		}

		public Seed external(String externalId, @Nullable String parent) {
			return new Seed(network, kind, show, account, author, conversation, externalId, parent, text, url, at, lang,
					sentiment, priority, fromUs);
		}

		public Seed lang(String lang, String sentiment) {
			return new Seed(network, kind, show, account, author, conversation, externalId, parent, text, url, at, lang,
					sentiment, priority, fromUs);
		}

		public Seed url(String url) {
			return new Seed(network, kind, show, account, author, conversation, externalId, parent, text, url, at, lang,
					sentiment, priority, fromUs);
		}

		public Seed priority(double priority) {
			return new Seed(network, kind, show, account, author, conversation, externalId, parent, text, url, at, lang,
					sentiment, priority, fromUs);
		}

		public Seed ours() {
			return new Seed(network, kind, show, account, author, conversation, externalId, parent, text, url, at, lang,
					sentiment, priority, true);
		}
	}

	/**
	 * A network that records replies and likes, and refuses the next replies with a reason when
	 * told to. Thread-safe.
	 */
	public static final class FakeNetwork implements AccountConnectors {

		public final List<String> replies = new CopyOnWriteArrayList<>();

		public final List<String> likes = new CopyOnWriteArrayList<>();

		public final Map<String, String> refuseNext = new ConcurrentHashMap<>();

		private final Map<Network, Set<Capability>> allowed = new HashMap<>();

		public FakeNetwork() {
			for (Network n : Network.values()) {
				allowed.put(n, Set.of(Capability.REPLY, Capability.LIKE, Capability.HIDE, Capability.DELETE));
			}
			allowed.put(Network.X, Set.of(Capability.REPLY, Capability.LIKE, Capability.DELETE));
		}

		/** The next reply fails with this message. */
		public void failNextReply(String message) {
			refuseNext.put("reply", message);
		}

		public final Map<String, Reason> refuseNextWithReason = new ConcurrentHashMap<>();

		/** The next reply fails with this reason, as a connector words it. */
		public void failNextReply(Reason reason) {
			refuseNextWithReason.put("reply", reason);
		}

		@Override
		public Optional<Set<Capability>> capabilities(Network network) {
			return Optional.ofNullable(allowed.get(network));
		}

		@Override
		public Optional<SocialConnector> open(AccountId account) {
			return Optional.of(new SocialConnector() {
				@Override
				public Batch poll(Feed feed, Cursor cursor) {
					return Batch.of(List.of(), cursor, false);
				}

				@Override
				public Optional<Actions> actions() {
					return Optional.of(new Actions() {
						@Override
						public String reply(String inReplyTo, String text, String idempotencyKey) throws ConnectorException {
							String reason = refuseNext.remove("reply");
							if (reason != null) {
								throw new ConnectorException.Rejected(reason);
							}
							Reason keyed = refuseNextWithReason.remove("reply");
							if (keyed != null) {
								throw new ConnectorException.Rejected("refused", keyed);
							}
							replies.add(inReplyTo + ": " + text);
							return "r-" + replies.size();
						}

						@Override
						public void like(String externalId) {
							likes.add(externalId);
						}

						@Override
						public void hide(String externalId, boolean hidden) {
						}

						@Override
						public void delete(String externalId) {
						}
					});
				}
			});
		}

		/** What the fake was asked, for assertions. */
		public List<String> all() {
			List<String> out = new ArrayList<>(replies);
			out.addAll(likes);
			return out;
		}
	}
}
