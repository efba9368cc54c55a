package org.vigie.listen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigie.archive.SearchQuery;
import org.vigie.shared.Network;

class SearchSyntaxTests {

	static SearchSyntax.Result x(String q) {
		return new XSearchSyntax().translate(SearchQuery.parse(q).root());
	}

	@Test
	void writesXQueriesWithItsOwnOperators() {
		var r = x("(quotidien OR \"petit journal\") #TMC -replay lang:fr from:@yann has:link");
		assertThat(r.searches()).containsExactly("(quotidien OR \"petit journal\") #TMC -replay lang:fr from:yann has:links");
		assertThat(r.exact()).isTrue();
	}

	@Test
	void searchesProximityAndWildcardsBroaderOnX() {
		var near = x("barthes NEAR/3 quotidien");
		assertThat(near.searches()).containsExactly("barthes quotidien");
		assertThat(near.exact()).isFalse();
		var wildcard = x("emission* tmc");
		assertThat(wildcard.searches()).containsExactly("tmc");
		assertThat(wildcard.notes()).contains("listen.search.broader");
	}

	@Test
	void dropsExclusionsThatCannotBeExact() {
		var r = x("quotidien -(emission* OR replay)");
		assertThat(r.searches()).containsExactly("quotidien");
		assertThat(r.exact()).isFalse();
	}

	@Test
	void refusesNetworksTheQueryExcludes() {
		assertThat(x("quotidien network:bluesky").searches()).isEmpty();
		assertThat(x("quotidien network:x").searches()).containsExactly("quotidien");
		assertThat(x("quotidien -network:x").searches()).isEmpty();
	}

	@Test
	void splitsAlternativesForBluesky() {
		var r = new BlueskySearchSyntax().translate(SearchQuery.parse("(quotidien OR tmc) barthes -replay @yann").root());
		assertThat(r.searches()).containsExactly("quotidien barthes mentions:yann", "tmc barthes mentions:yann");
		assertThat(r.exact()).isFalse();
	}

	@Test
	void searchesMastodonByHashtagOnly() {
		var mastodon = new HashtagSearchSyntax(Network.MASTODON, 10);
		assertThat(mastodon.translate(SearchQuery.parse("#Quotidien OR #TMC").root()).searches())
			.containsExactly("#Quotidien", "#TMC");
		var r = mastodon.translate(SearchQuery.parse("#quotidien barthes").root());
		assertThat(r.searches()).containsExactly("#quotidien");
		assertThat(r.exact()).isFalse();
		assertThat(mastodon.translate(SearchQuery.parse("quotidien").root()).searches()).isEmpty();
	}

	@Test
	void writesRedditAndYouTubeQueries() {
		assertThat(new RedditSearchSyntax().translate(SearchQuery.parse("(quotidien OR tmc) -replay #barthes").root()).searches())
			.containsExactly("(quotidien OR tmc) AND NOT replay AND barthes");
		var yt = new YouTubeSearchSyntax();
		assertThat(yt.translate(SearchQuery.parse("quotidien \"yann barthes\" -replay").root()).searches())
			.containsExactly("quotidien \"yann barthes\" -replay");
		assertThat(yt.translate(SearchQuery.parse("quotidien OR tmc").root()).searches()).containsExactly("quotidien|tmc");
		var mixed = yt.translate(SearchQuery.parse("(quotidien barthes) OR tmc").root());
		assertThat(mixed.searches()).containsExactly("quotidien|tmc");
		assertThat(mixed.exact()).isFalse();
	}
}
