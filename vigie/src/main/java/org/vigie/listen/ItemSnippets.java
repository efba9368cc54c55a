package org.vigie.listen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.shared.ItemId;
import org.vigie.shared.Network;

/** Short views of stored items (for previews and match lists), read by id. */
@Repository
public class ItemSnippets {

	private final JdbcClient jdbc;

	ItemSnippets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An item as listed under a query.
	 * @param author the author's handle or name; empty when unknown
	 */
	public record Snippet(String id, Network network, String author, String text, Instant createdAt,
			String sentiment) {
	}

	/** The items of {@code ids} still stored, in the order of {@code ids}. */
	public List<Snippet> of(List<ItemId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
		Map<String, Snippet> found = new HashMap<>();
		jdbc.sql("SELECT i.id, i.network, COALESCE(a.handle, a.display_name, ''), i.text, i.created_at, COALESCE(i.sentiment, '') "
				+ "FROM items i LEFT JOIN authors a ON a.id = i.author_id WHERE i.id IN (" + marks + ")")
			.params(ids.stream().map(ItemId::toString).toList())
			.query((rs, n) -> new Snippet(rs.getString(1), Network.fromId(rs.getString(2)).orElse(Network.RSS),
					rs.getString(3), rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6)))
			.list()
			.forEach(s -> found.put(s.id(), s));
		List<Snippet> out = new ArrayList<>();
		for (ItemId id : ids) {
			Snippet s = found.get(id.toString());
			if (s != null) {
				out.add(s);
			}
		}
		return out;
	}
}
