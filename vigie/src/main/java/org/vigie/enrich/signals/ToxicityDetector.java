package org.vigie.enrich.signals;


import org.vigie.enrich.text.Folded;
import org.vigie.enrich.text.Phrases;

/**
 * Flags insults, slurs and threats in French and English with a word list written for Vigie
 * (accent-, case- and leetspeak-insensitive, whole words only): one strong term, or two mild ones,
 * make an item toxic. A list, not a model: it will miss creative abuse and can be fooled, which is
 * why the flag only asks for the community manager's eye and never hides anything by itself.
 * Stateless.
 */
public final class ToxicityDetector {

	private static final Phrases STRONG = Phrases.of("connard", "connards", "connasse", "salope", "salopes", "pute",
			"putes", "encule", "encules", "fils de pute", "fdp", "ta gueule", "ferme ta gueule", "nique ta mere",
			"ntm", "va te faire foutre", "va crever", "creve", "batard", "batards", "pd", "tapette", "negro", "bougnoule",
			"youpin", "sale arabe", "sale juif", "sale noir", "je vais te tuer", "on va te tuer", "fuck you", "fuck off",
			"motherfucker", "cunt", "bitch", "bitches", "asshole", "assholes", "faggot", "fag", "nigger", "nigga", "retard",
			"retarded", "kill yourself", "kys", "go die", "i will kill you", "whore", "slut", "dickhead", "piece of shit");

	private static final Phrases MILD = Phrases.of("con", "conne", "cons", "abruti", "abrutie", "abrutis", "debile",
			"debiles", "cretin", "cretins", "imbecile", "imbeciles", "idiot", "idiote", "idiots", "bouffon", "bouffons",
			"merde", "putain", "ordure", "ordures", "minable", "minables", "clown", "tocard", "tocards", "pourri", "pourris",
			"stupid", "moron", "morons", "dumb", "dumbass", "loser", "losers", "jerk", "scum", "bastard", "shit",
			"fucking", "fuck", "damn", "pathetic", "disgusting", "ugly", "trash", "garbage", "shut up", "tais toi");

	public boolean isToxic(Folded folded) {
		return folded.containsAny(STRONG) || folded.count(MILD) >= 2;
	}
}
