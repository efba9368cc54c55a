package org.vigie.simulator;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * The cast of the demo: six French TV shows, the fans who talk about them, and what they say
 * (questions, complaints, praise, spam, in French and English, with emojis).
 */
public final class DemoCast {

	private DemoCast() {
	}

	public static final List<SimShow> SHOWS = List.of(
			new SimShow("rivages", "Rivages", "RivagesTV", "Rivages",
					Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
					LocalTime.of(20, 15), Duration.ofMinutes(30), "feuilleton"),
			new SimShow("les-gardiens-du-phare", "Les Gardiens du Phare", "GardiensDuPhare", "GardiensDuPhare",
					Set.of(DayOfWeek.THURSDAY), LocalTime.of(21, 10), Duration.ofMinutes(55), "série policière"),
			new SimShow("le-grand-quiz", "Le Grand Quiz", "LeGrandQuiz", "GrandQuiz", Set.of(DayOfWeek.SATURDAY),
					LocalTime.of(18, 0), Duration.ofMinutes(50), "jeu"),
			new SimShow("cuisine-de-chez-nous", "Cuisine de chez nous", "CuisineChezNous", "CuisineChezNous",
					Set.of(DayOfWeek.SUNDAY), LocalTime.of(12, 0), Duration.ofMinutes(40), "cuisine"),
			new SimShow("le-debat-du-dimanche", "Le Débat du dimanche", "DebatDuDimanche", "DebatDimanche",
					Set.of(DayOfWeek.SUNDAY), LocalTime.of(18, 30), Duration.ofMinutes(60), "débat"),
			new SimShow("sur-la-route-des-vins", "Sur la route des vins", "RouteDesVins", "RouteDesVins",
					Set.of(DayOfWeek.TUESDAY), LocalTime.of(22, 45), Duration.ofMinutes(52), "documentaire"));

	static final List<String[]> FANS = List.of(new String[] { "camille_tv", "Camille 📺", "fr" },
			new String[] { "marcd", "Marc D.", "fr" }, new String[] { "lea_series", "Léa", "fr" },
			new String[] { "hugo_bzh", "Hugo Le Gall", "fr" }, new String[] { "manon_lit", "Manon", "fr" },
			new String[] { "theo.b", "Théo Bernard", "fr" }, new String[] { "chloe_ciné", "Chloé ✨", "fr" },
			new String[] { "nathalie_r", "Nathalie Roux", "fr" }, new String[] { "jb_morel", "Jean-Baptiste Morel", "fr" },
			new String[] { "ines_dz", "Inès", "fr" }, new String[] { "papy_tele", "Papy Télé", "fr" },
			new String[] { "sophie_m", "Sophie Martin", "fr" }, new String[] { "lucas92", "Lucas", "fr" },
			new String[] { "amandine_f", "Amandine Faure", "fr" }, new String[] { "yanis_off", "Yanis", "fr" },
			new String[] { "claire_vdb", "Claire Van den Berg", "fr" }, new String[] { "emma_w", "Emma Wilson", "en" },
			new String[] { "jack_t", "Jack Taylor", "en" }, new String[] { "olivia_reads", "Olivia 📚", "en" },
			new String[] { "frenchtv_fan", "Sam (French TV fan)", "en" }, new String[] { "noah_k", "Noah K.", "en" },
			new String[] { "gwen_cooks", "Gwen Cooks 🍲", "en" }, new String[] { "quizmaster_uk", "Quiz Master UK", "en" },
			new String[] { "wine_lover_us", "Wine Lover 🍷", "en" });

	static final List<String[]> SPAMMERS = List.of(new String[] { "gagnez_vite", "Cadeaux Gratuits 🎁", "fr" },
			new String[] { "free_followers_now", "FREE FOLLOWERS 💯", "en" });

	static final List<String> QUESTIONS_FR = List.of("@{h} à quelle heure passe {show} ce soir ?",
			"@{h} c'est quand la prochaine saison ? 🙏", "@{h} il y aura un replay de l'épisode d'hier ?",
			"@{h} où peut-on trouver la musique du générique ? 🎶", "@{h} vous tournez où en ce moment ?",
			"@{h} est-ce que {show} revient après les vacances ?");

	static final List<String> QUESTIONS_EN = List.of("@{h} what time is {show} on tonight?",
			"@{h} is there a way to watch {show} with English subtitles?", "@{h} when does the new season start? 🙏");

	static final List<String> COMPLAINTS_FR = List.of("@{h} encore une pub au milieu de la scène finale... 😡 #{tag}",
			"@{h} le son était horrible ce soir, on n'entendait rien", "@{h} pourquoi avoir changé l'horaire ?? c'est n'importe quoi",
			"@{h} le replay ne marche pas depuis hier 😤", "Franchement {show} ce soir c'était décevant 👎 #{tag}");

	static final List<String> COMPLAINTS_EN = List.of("@{h} the sound was awful tonight, please fix it",
			"@{h} why is the replay geo-blocked?! 😤", "That episode of {show} was a letdown 👎 #{tag}");

	static final List<String> PRAISE_FR = List.of("Quel épisode !! 😍 #{tag}", "@{h} bravo à toute l'équipe, c'était magnifique 👏",
			"Je ne m'en remets pas de la fin de {show} 😱 #{tag}", "@{h} meilleure émission de la semaine ❤️",
			"{show} ce soir, qui regarde ? 📺 #{tag}", "Ce générique me donne des frissons à chaque fois 🥹 #{tag}");

	static final List<String> PRAISE_EN = List.of("@{h} loved tonight's episode 😍 #{tag}",
			"Can't believe that ending of {show} 😱 #{tag}", "{show} is the best French TV right now 🇫🇷❤️ #{tag}");

	static final List<String> SPAM = List.of("🔥 Gagnez un iPhone gratuit !!! Cliquez ici → http://bit.ly/gratuit-{n} #{tag}",
			"Follow me for FREE followers 💯💯💯 http://spam.example/{n} #{tag}", "@{h} promo -90% sur les montres de luxe 👉 http://promo.example/{n}");

	static final List<String> THREAD_FR = List.of("@{other} tellement d'accord !", "@{other} non mais n'importe quoi 😂",
			"@{other} pareil, j'ai pleuré 😭", "@{other} c'est exactement ce que je me suis dit");

	static final List<String> THREAD_EN = List.of("@{other} totally agree!", "@{other} no way 😂", "@{other} same here!");

	static final List<String> DMS_FR = List.of("Bonjour, est-ce que l'épisode sera en replay ?",
			"Bonjour ! Je voudrais participer à l'émission, comment faire ?", "Salut, j'ai une photo du tournage, je peux vous l'envoyer ?",
			"Bonjour, je n'arrive pas à voir le replay sur ma box, c'est normal ?");

	static final List<String> DMS_EN = List.of("Hi, is there a way to get tickets for the live taping?",
			"Hello! Will the show be available outside France?");

	static final List<String> ACCOUNT_POSTS = List.of("Ce soir {time} : nouvel épisode de #{tag} ! 📺",
			"Merci pour tous vos messages après l'épisode d'hier ❤️ #{tag}", "Les coulisses du tournage, c'est par ici 🎬 #{tag}",
			"Votre scène préférée de la semaine ? Dites-le-nous en commentaire 👇 #{tag}");

	/** The uproar after a main character of Rivages is killed off (negative, under a hashtag of its own). */
	static final List<String> UPROAR_FR = List.of("Ils ont vraiment tué Léna ?! C'est honteux 😡 #JusticePourLena #{tag}",
			"@{h} scandaleux, vous avez sacrifié Léna pour l'audimat. Je boycotte 👎 #JusticePourLena",
			"Je suis dégoûtée, Léna méritait mieux que cette fin ridicule #JusticePourLena",
			"@{h} honte à vous, la mort de Léna est une insulte aux fans 😤 #JusticePourLena",
			"Nul, nul, nul. Tuer Léna comme ça, c'est n'importe quoi #JusticePourLena #{tag}",
			"Je ne regarderai plus {show} après ça, quelle trahison #JusticePourLena");

	static final List<String> UPROAR_EN = List.of("They killed Léna?! Disgusting writing, I'm done with {show} 😡 #JusticePourLena",
			"@{h} terrible decision, Léna deserved so much better #JusticePourLena",
			"Worst episode ever. Shame on the writers #JusticePourLena #{tag}");

	/** The announcement of a show's next season (joyful, under a hashtag of its own). */
	static final List<String> ANNOUNCEMENT_FR = List.of("UNE NOUVELLE SAISON DE {show} !!! 🎉🎉 #NouvelleSaison #{tag}",
			"@{h} trop contente pour la nouvelle saison, merci !! ❤️ #NouvelleSaison",
			"Je viens de voir l'annonce, {show} revient 😍 #NouvelleSaison #{tag}",
			"La nouvelle saison de {show} est confirmée, vivement la rentrée 🥳 #NouvelleSaison",
			"@{h} enfin l'annonce qu'on attendait tous 👏 #NouvelleSaison");

	static final List<String> ANNOUNCEMENT_EN = List.of("A new season of {show} is confirmed!!! 🎉 #NouvelleSaison",
			"@{h} so happy about the new season, thank you ❤️ #NouvelleSaison #{tag}",
			"{show} is coming back, best news of the week 😍 #NouvelleSaison");
}
