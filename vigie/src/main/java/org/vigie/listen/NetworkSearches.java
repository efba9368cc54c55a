package org.vigie.listen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.vigie.accounts.AccountStatus;
import org.vigie.accounts.Accounts;
import org.vigie.accounts.SocialAccount;
import org.vigie.archive.SearchQuery;
import org.vigie.connectors.Feed;
import org.vigie.ingest.ConnectorRuntime;
import org.vigie.ingest.SearchFeed;
import org.vigie.ingest.SearchFeeds;
import org.vigie.shared.Network;

/**
 * Translates listening queries into each network's own search and hands the searches to the
 * ingest scheduler ({@link SearchFeeds}). A search broader than the query is fine: what it brings
 * back goes through the same matcher, and only matching items are kept. Networks without a public
 * search (Facebook) or read as feeds (RSS, whose items of a show's feeds are all matched locally)
 * get no search. Thread-safe.
 */
@Service
public class NetworkSearches implements SearchFeeds {

	/** Instagram's hashtag search: at most 30 distinct hashtags per account in 7 days. */
	static final int INSTAGRAM_HASHTAGS = 30;

	private static final Map<Network, SearchSyntax> SYNTAXES = syntaxes();

	private final QueryStore store;

	private final Accounts accounts;

	private final ConnectorRuntime runtime;

	NetworkSearches(QueryStore store, Accounts accounts, ConnectorRuntime runtime) {
		this.store = store;
		this.accounts = accounts;
		this.runtime = runtime;
	}

	private static Map<Network, SearchSyntax> syntaxes() {
		Map<Network, SearchSyntax> m = new LinkedHashMap<>();
		for (SearchSyntax s : List.of(new XSearchSyntax(), new BlueskySearchSyntax(),
				new HashtagSearchSyntax(Network.MASTODON, 10), new RedditSearchSyntax(), new YouTubeSearchSyntax(),
				new HashtagSearchSyntax(Network.INSTAGRAM, 5))) {
			m.put(s.network(), s);
		}
		return m;
	}

	/**
	 * How one query is searched on one network.
	 *
	 * @param status {@code exact} (the network returns what the query matches), {@code broader}
	 *        (more, filtered locally), {@code local} (no search: the network's items are matched as
	 *        they are read) or {@code none} (the query cannot be searched there)
	 * @param notes message keys explaining the approximation
	 */
	public record Translation(String network, String label, List<String> searches, String status, List<String> notes) {

		public Translation {
			searches = List.copyOf(searches);
			notes = List.copyOf(notes);
		}
	}

	/**
	 * How {@code text} is searched on every network.
	 * @throws org.vigie.archive.QuerySyntaxException if it does not parse
	 */
	public List<Translation> translate(String text) {
		SearchQuery query = SearchQuery.parse(text);
		List<Translation> out = new ArrayList<>();
		for (Network network : Network.values()) {
			SearchSyntax syntax = SYNTAXES.get(network);
			if (syntax == null) {
				String note = network == Network.RSS ? "listen.search.rss" : "listen.search.no-search";
				out.add(new Translation(network.id(), network.label(), List.of(), "local", List.of(note)));
				continue;
			}
			SearchSyntax.Result r = syntax.translate(query.root());
			String status = r.searches().isEmpty() ? "none" : r.exact() ? "exact" : "broader";
			List<String> notes = new ArrayList<>(r.notes());
			if (network == Network.INSTAGRAM && !r.searches().isEmpty()) {
				notes.add("listen.search.instagram-budget");
			}
			if (network == Network.YOUTUBE && !r.searches().isEmpty()) {
				notes.add("listen.search.youtube-quota");
			}
			out.add(new Translation(network.id(), network.label(), r.searches(), status, notes));
		}
		return out;
	}

	@Override
	public List<SearchFeed> searchFeeds() {
		Map<Network, List<SocialAccount>> byNetwork = new HashMap<>();
		for (SocialAccount a : accounts.all()) {
			if (a.status() == AccountStatus.CONNECTED && SYNTAXES.containsKey(a.network()) && searches(a.network())) {
				byNetwork.computeIfAbsent(a.network(), n -> new ArrayList<>()).add(a);
			}
		}
		if (byNetwork.isEmpty()) {
			return List.of();
		}
		record Wanted(SocialAccount account, String search) {
		}
		Map<Network, Set<Wanted>> wanted = new LinkedHashMap<>();
		List<ListeningQuery> queries = store.all().stream()
			.filter(ListeningQuery::enabled)
			.sorted(Comparator.comparing(ListeningQuery::createdAt))
			.toList();
		for (ListeningQuery q : queries) {
			SearchQuery parsed;
			try {
				parsed = SearchQuery.parse(q.text());
			}
			catch (IllegalArgumentException e) {
				continue;
			}
			for (var entry : byNetwork.entrySet()) {
				SearchSyntax.Result r = SYNTAXES.get(entry.getKey()).translate(parsed.root());
				SocialAccount account = entry.getValue().stream()
					.filter(a -> q.show().equals(a.show()))
					.findFirst()
					.orElse(entry.getValue().get(0));
				for (String s : r.searches()) {
					wanted.computeIfAbsent(entry.getKey(), n -> new LinkedHashSet<>()).add(new Wanted(account, s));
				}
			}
		}
		List<SearchFeed> feeds = new ArrayList<>();
		for (var entry : wanted.entrySet()) {
			SearchSyntax syntax = SYNTAXES.get(entry.getKey());
			List<Wanted> list = new ArrayList<>(entry.getValue());
			if (entry.getKey() == Network.INSTAGRAM && list.size() > INSTAGRAM_HASHTAGS) {
				list = list.subList(0, INSTAGRAM_HASHTAGS);
			}
			var every = syntax.every(list.size());
			for (Wanted w : list) {
				feeds.add(new SearchFeed(w.account().id(), Feed.search(w.search()), every));
			}
		}
		return feeds;
	}

	private boolean searches(Network network) {
		return runtime.factory(network).map(f -> f.feeds().contains(Feed.Kind.SEARCH)).orElse(false);
	}
}
