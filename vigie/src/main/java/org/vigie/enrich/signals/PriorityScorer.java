package org.vigie.enrich.signals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.vigie.enrich.ItemFacts;
import org.vigie.enrich.Priority;
import org.vigie.enrich.PriorityPolicy;
import org.vigie.enrich.Sentiment;
import org.vigie.enrich.SentimentScore;
import org.vigie.enrich.text.Folded;
import org.vigie.enrich.text.Phrases;
import org.vigie.shared.ItemKind;

/**
 * Orders the inbox: adds the {@link PriorityPolicy}'s points for each reason an item has and keeps
 * the reasons, so that the inbox can say why an item is on top. Spam scores 0. Stateless.
 */
public final class PriorityScorer {

	private static final Phrases QUESTION_STARTS = Phrases.of("comment", "pourquoi", "quand", "ou", "quel", "quelle",
			"quels", "quelles", "qui", "combien", "est ce", "pouvez", "pourriez", "peut on", "peux tu", "savez", "sait on",
			"how", "why", "when", "where", "what", "which", "who", "can you", "could you", "would you", "will you",
			"do you", "does anyone", "is there", "are you", "anyone");

	private static final Phrases COMPLAINTS = Phrases.of("plainte", "reclamation", "rembourser", "remboursement",
			"rembourse", "inadmissible", "inacceptable", "scandale", "scandaleux", "honte", "honteux", "arnaque", "decu",
			"decue", "decus", "deception", "toujours pas", "marche pas", "fonctionne pas", "marche plus", "bug", "bugue",
			"beug", "panne", "coupure", "coupe", "annule", "annulation", "probleme", "souci", "personne ne repond",
			"service client", "lamentable", "ras le bol", "marre", "complaint", "refund", "unacceptable",
			"disappointed", "disappointing", "still waiting", "still not", "doesn t work", "not working", "don t work",
			"broken", "crash", "crashes", "cancelled", "canceled", "worst", "terrible", "awful", "ridiculous", "no one answers",
			"customer service", "scam", "issue", "problem", "fed up", "rip off", "useless");

	private final PriorityPolicy policy;

	public PriorityScorer(PriorityPolicy policy) {
		this.policy = policy;
	}

	public Priority score(Folded folded, SentimentScore sentiment, ItemFacts facts, boolean spam, boolean toxic,
			Instant now) {
		if (spam) {
			return new Priority(0, List.of("spam"));
		}
		List<String> reasons = new ArrayList<>();
		int points = policy.base();
		if (isQuestion(folded)) {
			points += policy.question();
			reasons.add("question");
		}
		if (folded.containsAny(COMPLAINTS)) {
			points += policy.complaint();
			reasons.add("complaint");
		}
		if (sentiment.sentiment() == Sentiment.NEGATIVE) {
			points += policy.negative();
			reasons.add("negative");
		}
		if (facts.kind() == ItemKind.DIRECT_MESSAGE) {
			points += policy.directMessage();
			reasons.add("direct_message");
		}
		if (facts.replyToUs()) {
			points += policy.replyToUs();
			reasons.add("reply_to_us");
		}
		Long followers = facts.followers();
		if (followers != null && followers >= policy.influentialFollowers()) {
			points += followers >= 10 * policy.influentialFollowers() ? 2 * policy.influential() : policy.influential();
			reasons.add("influential");
		}
		Duration age = Duration.between(facts.createdAt(), now);
		if (age.compareTo(policy.recentWithin()) <= 0) {
			points += policy.recent();
			reasons.add("recent");
		}
		if (toxic) {
			points += policy.toxic();
			reasons.add("toxic");
		}
		return new Priority(Math.max(0, Math.min(100, points)), reasons);
	}

	static boolean isQuestion(Folded folded) {
		return folded.hasQuestionMark() || folded.startsWith(QUESTION_STARTS);
	}
}
