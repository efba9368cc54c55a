package org.vigie.enrich.signals;

import java.util.List;

import org.vigie.enrich.Entities;
import org.vigie.enrich.text.Folded;
import org.vigie.enrich.text.Phrases;
import org.vigie.enrich.text.Token;

/**
 * Flags the usual social spam: hashtag or mention stuffing, several links, follow-for-follow and
 * giveaway bait, money and crypto offers, "check my bio", leetspeak used to dodge filters
 * ({@code iPh0ne}), shouting. Each sign adds points; {@value #THRESHOLD} points or more is spam.
 * Rules, not a trained model: no public spam set with a suitable licence is at hand. Stateless.
 */
public final class SpamDetector {

	static final int THRESHOLD = 3;

	private static final Phrases BAIT = Phrases.of("follow back", "followback", "faf", "follow for follow", "free followers",
			"more followers", "gain followers", "check my bio", "link in bio", "lien en bio", "lien dans ma bio", "click here",
			"click the link", "cliquez ici", "clique ici", "bitcoin", "crypto", "forex", "airdrop", "nft drop", "promo code",
			"code promo", "discount code", "earn money", "make money", "work from home", "gagner de l argent",
			"argent facile", "gagnez", "jeu concours", "concours", "giveaway", "free iphone", "iphone gratuit",
			"for free", "gratuitement", "onlyfans", "casino", "viagra", "dm me", "dm moi", "envoie moi un dm",
			"sugar daddy", "investissement", "investment", "trading", "cash app");

	public boolean isSpam(List<Token> tokens, Folded folded, Entities entities) {
		return score(tokens, folded, entities) >= THRESHOLD;
	}

	int score(List<Token> tokens, Folded folded, Entities entities) {
		int points = 0;
		if (entities.hashtags().size() >= 6) {
			points += 2;
		}
		if (entities.mentions().size() >= 5) {
			points += 2;
		}
		if (entities.urls().size() >= 2) {
			points += 1;
		}
		int bait = folded.count(BAIT);
		points += Math.min(4, 2 * bait);
		if (bait > 0 && !entities.urls().isEmpty()) {
			points += 1;
		}
		int words = 0;
		int shouted = 0;
		int leet = 0;
		for (Token token : tokens) {
			if (token.isWordLike()) {
				words++;
				if (token.shouted()) {
					shouted++;
				}
				if (hasLeetDigit(token.text())) {
					leet++;
				}
			}
		}
		if (words >= 5 && shouted * 10 >= words * 7) {
			points += 1;
		}
		if (leet > 0 && bait > 0) {
			points += 1;
		}
		return points;
	}

	/** A word mixing letters with a 0, 1, 3 or 4 in letter position, like {@code iph0ne} or {@code fr33}. */
	private static boolean hasLeetDigit(String word) {
		boolean letters = false;
		boolean digits = false;
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (c == '0' || c == '1' || c == '3' || c == '4') {
				digits = true;
			}
			else if (Character.isLetter(c)) {
				letters = true;
			}
			else if (Character.isDigit(c)) {
				return false;
			}
		}
		return letters && digits && word.length() >= 4;
	}
}
