package org.vigie.enrich;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Enrichment settings ({@code vigie.enrich.*}): the points of each priority reason.
 *
 * @param priorityBase starting points of every item (default 10)
 * @param priorityQuestion points for a question (default 20)
 * @param priorityComplaint points for a complaint (default 20)
 * @param priorityNegative points for a negative sentiment (default 15)
 * @param priorityDirectMessage points for a direct message (default 20)
 * @param priorityReplyToUs points for a reply to one of our posts (default 15)
 * @param priorityInfluential points for an influential author, doubled at ten times the threshold (default 10)
 * @param influentialFollowers followers from which an author is influential (default 10000)
 * @param priorityRecent points for a recent item (default 10)
 * @param recentWithin how young a recent item is (default 2h)
 * @param priorityToxic points for an abusive item, to moderate (default 5)
 */
@ConfigurationProperties("vigie.enrich")
public record EnrichSettings(@DefaultValue("10") int priorityBase, @DefaultValue("20") int priorityQuestion,
		@DefaultValue("20") int priorityComplaint, @DefaultValue("15") int priorityNegative,
		@DefaultValue("20") int priorityDirectMessage, @DefaultValue("15") int priorityReplyToUs,
		@DefaultValue("10") int priorityInfluential, @DefaultValue("10000") long influentialFollowers,
		@DefaultValue("10") int priorityRecent, @DefaultValue("2h") Duration recentWithin,
		@DefaultValue("5") int priorityToxic) {

	public EnrichSettings {
		if (influentialFollowers < 1) {
			throw new IllegalArgumentException("vigie.enrich.influential-followers must be at least 1, was "
					+ influentialFollowers);
		}
		if (recentWithin.isNegative()) {
			throw new IllegalArgumentException("vigie.enrich.recent-within must not be negative, was " + recentWithin);
		}
	}

	PriorityPolicy policy() {
		return new PriorityPolicy(priorityBase, priorityQuestion, priorityComplaint, priorityNegative,
				priorityDirectMessage, priorityReplyToUs, priorityInfluential, influentialFollowers, priorityRecent,
				recentWithin, priorityToxic);
	}
}
