package org.vigie.archive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.vigie.shared.AccountId;
import org.vigie.shared.ItemId;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;
import org.vigie.shared.ShowId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads stored items back as {@link ArchivedItem}s, to rebuild or catch up the index. The
 * {@code entities} column is read leniently: a JSON object with {@code hashtags}, {@code mentions}
 * and {@code urls} arrays when enrichment wrote one; otherwise the text is looked at.
 */
@Component
class ItemRows {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SELECT = """
			SELECT i.id, i.text, i.lang, i.network, i.show_id, i.account_id, a.handle, a.external_id, a.display_name,
			       i.entities, i.sentiment, i.kind, i.created_at, i.url
			FROM items i LEFT JOIN authors a ON a.id = i.author_id
			""";

	private final JdbcClient jdbc;

	ItemRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM items").query(Long.class).single();
	}

	/** Streams every item ingested at or after {@code since} (epoch ms) to {@code sink}, in batches. */
	void ingestedSince(long since, int batchSize, Consumer<List<ArchivedItem>> sink) {
		List<ArchivedItem> batch = new ArrayList<>(batchSize);
		jdbc.sql(SELECT + " WHERE i.ingested_at >= ?").param(since).query((ResultSet rs) -> {
			batch.add(map(rs));
			if (batch.size() >= batchSize) {
				sink.accept(List.copyOf(batch));
				batch.clear();
			}
		});
		if (!batch.isEmpty()) {
			sink.accept(List.copyOf(batch));
		}
	}

	private static ArchivedItem map(ResultSet rs) throws SQLException {
		List<String> authors = new ArrayList<>();
		String handle = rs.getString(7);
		if (handle != null) {
			authors.add(handle.startsWith("@") ? handle.substring(1) : handle);
		}
		if (rs.getString(8) != null) {
			authors.add(rs.getString(8));
		}
		String label = rs.getString(9) != null ? rs.getString(9) : handle != null ? handle : "";
		Entities entities = entities(rs.getString(10));
		List<String> urls = new ArrayList<>(entities.urls);
		String show = rs.getString(5);
		String account = rs.getString(6);
		return ArchivedItem.of(ItemId.of(rs.getString(1)), rs.getString(2), rs.getString(3),
				Network.fromId(rs.getString(4)).orElse(Network.RSS), show == null ? null : ShowId.of(show),
				account == null ? null : AccountId.of(account), authors, label, entities.hashtags, entities.mentions,
				urls, rs.getString(11), ItemKind.fromId(rs.getString(12)).orElse(ItemKind.MENTION),
				Instant.ofEpochMilli(rs.getLong(13)));
	}

	private record Entities(List<String> hashtags, List<String> mentions, List<String> urls) {
	}

	static Entities entities(@Nullable String json) {
		if (json == null || json.isBlank()) {
			return new Entities(List.of(), List.of(), List.of());
		}
		try {
			JsonNode node = JSON.readTree(json);
			return new Entities(strings(node.get("hashtags")), strings(node.get("mentions")), strings(node.get("urls")));
		}
		catch (RuntimeException e) {
			return new Entities(List.of(), List.of(), List.of());
		}
	}

	private static List<String> strings(@Nullable JsonNode array) {
		List<String> out = new ArrayList<>();
		if (array != null && array.isArray()) {
			for (JsonNode v : array) {
				if (v.isString()) {
					out.add(v.asString());
				}
				else if (v.isObject() && v.has("text")) {
					out.add(v.get("text").asString());
				}
			}
		}
		return out;
	}
}
