package org.vigie.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.shared.AuthorId;
import org.vigie.shared.ConversationId;
import org.vigie.shared.Network;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes items with their authors and conversations. Upserts on (network, external id): an item
 * read again keeps its id and annotations and only refreshes its text and metrics, so a replayed
 * page is harmless. Call inside a transaction.
 */
@Repository
class ItemStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	ItemStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An item to store with the public counters the connector read (not part of {@link IncomingItem}). */
	record Prepared(IncomingItem item, Map<String, Long> metrics) {
	}

	/** Stores the items and returns those that were not stored before, in order. */
	List<IncomingItem> store(List<Prepared> prepared, Instant now) {
		List<IncomingItem> inserted = new ArrayList<>();
		for (Prepared p : prepared) {
			IncomingItem item = p.item();
			String authorId = upsertAuthor(item.author(), now);
			String root = item.conversationExternalId() != null ? item.conversationExternalId() : item.externalId();
			String conversationId = upsertConversation(item, root);
			String metrics = p.metrics().isEmpty() ? null : JSON.writeValueAsString(p.metrics());
			Annotations a = item.annotations();
			int rows = jdbc.sql("""
					INSERT INTO items (id, network, external_id, kind, workspace_id, show_id, account_id, author_id,
					conversation_id, parent_external_id, text, url, created_at, ingested_at, lang, sentiment,
					sentiment_score, spam, toxic, priority, priority_reasons, entities, metrics, from_us, raw, processing_error)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (network, external_id) DO NOTHING""")
				.params(item.id().toString(), item.network().id(), item.externalId(), item.kind().name(),
						item.workspace().toString(), str(item.show()), str(item.account()), authorId, conversationId,
						item.parentExternalId(), item.text(), item.url(), item.createdAt().toEpochMilli(), now.toEpochMilli(),
						a.lang(), a.sentiment(), a.sentiment() == null ? null : a.sentimentScore(), a.spam(), a.toxic(),
						a.priority(), JSON.writeValueAsString(a.priorityReasons()), entities(a), metrics, item.fromUs(),
						item.raw(), a.errors().isEmpty() ? null : truncate(String.join("; ", a.errors())))
				.update();
			if (rows > 0) {
				inserted.add(item);
			}
			else {
				jdbc.sql("UPDATE items SET text = ?, metrics = COALESCE(?, metrics) WHERE network = ? AND external_id = ?")
					.params(item.text(), metrics, item.network().id(), item.externalId())
					.update();
			}
		}
		return inserted;
	}

	/** True if the item with this external id is stored and was written by one of our accounts. */
	boolean isFromUs(Network network, String externalId) {
		return jdbc.sql("SELECT from_us FROM items WHERE network = ? AND external_id = ?")
			.params(network.id(), externalId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	private String upsertAuthor(Author author, Instant now) {
		jdbc.sql("""
				INSERT INTO authors (id, network, external_id, handle, display_name, followers, avatar_url, profile_url,
				verified, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (network, external_id) DO UPDATE SET handle = COALESCE(excluded.handle, authors.handle),
				display_name = COALESCE(excluded.display_name, authors.display_name),
				followers = COALESCE(excluded.followers, authors.followers),
				avatar_url = COALESCE(excluded.avatar_url, authors.avatar_url),
				profile_url = COALESCE(excluded.profile_url, authors.profile_url),
				verified = excluded.verified, updated_at = excluded.updated_at""")
			.params(AuthorId.generate().toString(), author.network().id(), author.externalId(),
					author.handle(), author.displayName(), author.followers(), author.avatarUrl(), author.profileUrl(),
					author.verified(), now.toEpochMilli())
			.update();
		return jdbc.sql("SELECT id FROM authors WHERE network = ? AND external_id = ?")
			.params(author.network().id(), author.externalId())
			.query(String.class)
			.single();
	}

	private String upsertConversation(IncomingItem item, String root) {
		long at = item.createdAt().toEpochMilli();
		jdbc.sql("""
				INSERT INTO conversations (id, network, external_id, account_id, show_id, created_at, last_item_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (network, external_id) DO UPDATE SET last_item_at = CASE
				WHEN excluded.last_item_at > conversations.last_item_at THEN excluded.last_item_at
				ELSE conversations.last_item_at END""")
			.params(ConversationId.generate().toString(), item.network().id(), root, str(item.account()),
					str(item.show()), at, at)
			.update();
		return jdbc.sql("SELECT id FROM conversations WHERE network = ? AND external_id = ?")
			.params(item.network().id(), root)
			.query(String.class)
			.single();
	}

	private static String entities(Annotations a) {
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("hashtags", a.hashtags());
		e.put("mentions", a.mentions());
		e.put("urls", a.urls());
		e.put("cashtags", a.cashtags());
		e.put("emojis", a.emojis());
		e.put("matchedQueries", a.matchedQueries());
		return JSON.writeValueAsString(e);
	}

	private static @Nullable String str(@Nullable Object value) {
		return value == null ? null : value.toString();
	}

	private static String truncate(String s) {
		return s.length() > 2000 ? s.substring(0, 2000) : s;
	}
}
