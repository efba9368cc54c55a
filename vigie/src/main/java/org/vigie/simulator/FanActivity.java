package org.vigie.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.vigie.shared.Network;

/**
 * Writes what fans say about the demo shows into the {@link SimWorld}, minute by minute, driven by
 * the time it is given (never by the wall clock): a trickle all day, a burst during the airing and
 * an afterglow in the hour after; questions, complaints, praise, spam, threads and DMs, in French
 * and English. Two moments stand out, as a production's community lives them: the most recent
 * airing of {@link #CONTROVERSY} before the demo opened caused an uproar (a character killed off:
 * five times the usual airing's volume, angry posts under a hashtag of their own), and a few minutes
 * after it opens a show's next season is announced (a burst of joy outside any
 * airing). Deterministic for a given seed. Not thread-safe: one caller at a time.
 */
final class FanActivity {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final SimWorld world;

	private final List<Network> networks;

	private final Random random;

	private final double perMinute;

	/** The show whose last airing before the demo opened caused an uproar. */
	static final SimShow CONTROVERSY = DemoCast.SHOWS.get(0);

	/** The hashtag the uproar's fans made up. */
	static final String CONTROVERSY_TAG = "JusticePourLena";

	/** The hashtag of the live moment's announcement. */
	static final String LIVE_TAG = "NouvelleSaison";

	/** When the live moment starts after the demo opens, and how long it lasts. */
	static final Duration LIVE_AFTER = Duration.ofMinutes(2);

	static final Duration LIVE_LENGTH = Duration.ofMinutes(20);

	/** A planted moment: who it concerns, when, how busy (intensity) and what is said. */
	record Moment(SimShow show, Instant from, Instant to, double intensity, List<String> fr, List<String> en) {

		boolean covers(SimShow s, Instant at) {
			return s.equals(show) && !at.isBefore(from) && at.isBefore(to);
		}
	}

	private Instant until;

	private final List<Moment> moments;

	/**
	 * @param start where the history begins (the first minute written)
	 * @param opened when the demo opens: the uproar is on the last airing before, the live moment after
	 */
	FanActivity(SimWorld world, List<Network> networks, long seed, double perMinute, Instant start, Instant opened) {
		this.world = world;
		this.networks = List.copyOf(networks);
		this.random = new Random(seed);
		this.perMinute = perMinute;
		this.until = start;
		this.moments = moments(start, opened);
	}

	/** The uproar on the last complete airing of {@link #CONTROVERSY} in the history, and the live moment. */
	static List<Moment> moments(Instant start, Instant opened) {
		List<Moment> moments = new ArrayList<>();
		List<DemoGuide.Slot> past = DemoGuide.airings(CONTROVERSY, start, opened).stream()
			.filter(a -> a.end().plus(Duration.ofMinutes(30)).isBefore(opened))
			.toList();
		if (!past.isEmpty()) {
			DemoGuide.Slot last = past.get(past.size() - 1);
			// The twist comes ten minutes in and the uproar lasts into the afterglow.
			moments.add(new Moment(CONTROVERSY, last.start().plus(Duration.ofMinutes(10)),
					last.end().plus(Duration.ofMinutes(10)), 300, DemoCast.UPROAR_FR, DemoCast.UPROAR_EN));
		}
		Instant from = opened.plus(LIVE_AFTER);
		Instant to = from.plus(LIVE_LENGTH);
		// The announcement concerns a show that is not on air then, so it stands out from any airing.
		SimShow announced = DemoCast.SHOWS.stream()
			.filter(s -> !s.equals(CONTROVERSY))
			.filter(s -> DemoGuide.airings(s, from.minus(Duration.ofHours(3)), to.plus(Duration.ofHours(1))).isEmpty())
			.findFirst()
			.orElse(DemoCast.SHOWS.get(1));
		moments.add(new Moment(announced, from, to, 300, DemoCast.ANNOUNCEMENT_FR, DemoCast.ANNOUNCEMENT_EN));
		return List.copyOf(moments);
	}

	/** The planted moments (for tests and the demo's documentation). */
	List<Moment> moments() {
		return moments;
	}

	/** Creates the accounts of the shows and their fans on every simulated network. */
	void cast() {
		for (Network network : networks) {
			for (SimShow show : DemoCast.SHOWS) {
				world.addUser(network, handle(network, show.handle()), show.name(), 20_000 + random.nextInt(80_000), true, "fr");
			}
			for (String[] fan : DemoCast.FANS) {
				world.addUser(network, fan[0], fan[1], 20 + random.nextInt(3000), false, fan[2]);
			}
			for (String[] spammer : DemoCast.SPAMMERS) {
				world.addUser(network, spammer[0], spammer[1], 3, false, spammer[2]);
			}
		}
	}

	/** The handle of a show's account on a network (Mastodon handles are lower case). */
	static String handle(Network network, String handle) {
		return network == Network.MASTODON ? handle.toLowerCase(Locale.ROOT) : handle;
	}

	/** Generates everything said from the last call up to {@code now}. */
	void advanceTo(Instant now) {
		while (until.plus(Duration.ofMinutes(1)).compareTo(now) <= 0) {
			until = until.plus(Duration.ofMinutes(1));
			minute(until);
		}
	}

	private void minute(Instant at) {
		for (SimShow show : DemoCast.SHOWS) {
			Moment moment = moments.stream().filter(m -> m.covers(show, at)).findFirst().orElse(null);
			double usual = intensity(show, at);
			double rate = perMinute * (moment == null ? usual : Math.max(usual, moment.intensity()));
			int events = poisson(rate);
			for (int i = 0; i < events; i++) {
				Network network = networks.get(random.nextInt(networks.size()));
				Instant when = at.plusMillis(random.nextInt(59_000));
				// During a moment most of what is said is about it; the rest goes on as usual.
				if (moment != null && random.nextInt(100) < 80) {
					moment(network, show, moment, when);
				}
				else {
					event(network, show, when);
				}
			}
		}
	}

	private void moment(Network network, SimShow show, Moment moment, Instant at) {
		SimUser account = world.userByHandle(network, handle(network, show.handle())).orElseThrow();
		SimUser fan = fan(network, false);
		String text = pick("en".equals(fan.lang()) ? moment.en() : moment.fr());
		say(network, fan, text, show, account, at, null, null);
	}

	/** 1 in quiet hours, 60 during the airing (live-tweeting), 10 in the hour after, 0.3 at night. */
	static double intensity(SimShow show, Instant at) {
		ZonedDateTime paris = at.atZone(PARIS);
		for (int back = 0; back <= 1; back++) {
			ZonedDateTime day = paris.minusDays(back);
			if (show.airDays().contains(day.getDayOfWeek())) {
				ZonedDateTime start = day.with(show.airTime());
				ZonedDateTime end = start.plus(show.length());
				if (!paris.isBefore(start) && paris.isBefore(end)) {
					return 60;
				}
				if (!paris.isBefore(end) && paris.isBefore(end.plusHours(1))) {
					return 10;
				}
			}
		}
		int hour = paris.getHour();
		return hour < 7 ? 0.3 : 1;
	}

	private void event(Network network, SimShow show, Instant at) {
		SimUser account = world.userByHandle(network, handle(network, show.handle())).orElseThrow();
		int roll = random.nextInt(100);
		if (roll < 6) {
			accountPost(network, show, account, at);
			return;
		}
		SimUser fan = fan(network, roll < 10);
		boolean en = "en".equals(fan.lang());
		String lang = fan.lang();
		if (roll < 10) {
			say(network, fan, pick(DemoCast.SPAM), show, account, at, null, null);
		}
		else if (roll < 30) {
			say(network, fan, pick(en ? DemoCast.QUESTIONS_EN : DemoCast.QUESTIONS_FR), show, account, at, null, null);
		}
		else if (roll < 42) {
			say(network, fan, pick(en ? DemoCast.COMPLAINTS_EN : DemoCast.COMPLAINTS_FR), show, account, at, null, null);
		}
		else if (roll < 62) {
			SimPost target = latest(network, account, at);
			String text = pick(en ? DemoCast.PRAISE_EN : DemoCast.PRAISE_FR);
			say(network, fan, text.contains("@{h}") ? text : "@{h} " + text, show, account, at, target, null);
		}
		else if (roll < 75) {
			List<SimPost> comments = world.query(network, at, p -> p.show() != null && p.show().equals(show.slug())
					&& p.inReplyToId() != null && !p.isDirect() && !p.author().id().equals(fan.id()));
			SimPost target = comments.isEmpty() ? null : comments.get(random.nextInt(Math.min(5, comments.size())));
			if (target == null) {
				say(network, fan, pick(en ? DemoCast.PRAISE_EN : DemoCast.PRAISE_FR), show, account, at, null, null);
			}
			else {
				String text = pick(en ? DemoCast.THREAD_EN : DemoCast.THREAD_FR).replace("{other}", target.author().handle());
				say(network, fan, text, show, account, at, target, null);
			}
		}
		else if (roll < 85) {
			say(network, fan, pick(en ? DemoCast.DMS_EN : DemoCast.DMS_FR), show, account, at, null, account);
		}
		else {
			say(network, fan, pick(en ? DemoCast.PRAISE_EN : DemoCast.PRAISE_FR).replace("@{h} ", ""), show, account, at,
					null, null);
		}
	}

	private void accountPost(Network network, SimShow show, SimUser account, Instant at) {
		say(network, account, pick(DemoCast.ACCOUNT_POSTS), show, account, at, null, null);
	}

	private void say(Network network, SimUser author, String template, SimShow show, SimUser account, Instant at,
			SimPost inReplyTo, SimUser directTo) {
		String text = template.replace("{h}", account.handle())
			.replace("{show}", show.name())
			.replace("{tag}", show.hashtag())
			.replace("{time}", show.airTime().toString().replace(":", "h"))
			.replace("{n}", Integer.toString(random.nextInt(9000) + 1000));
		world.post(network, author, text, at, inReplyTo, directTo, author.lang(), show.slug());
	}

	private SimPost latest(Network network, SimUser account, Instant at) {
		List<SimPost> own = world.postsBy(network, account, at);
		return own.isEmpty() ? null : own.get(0);
	}

	private SimUser fan(Network network, boolean spammer) {
		List<String[]> pool = spammer ? DemoCast.SPAMMERS : DemoCast.FANS;
		String[] fan = pool.get(random.nextInt(pool.size()));
		return world.userByHandle(network, fan[0]).orElseThrow();
	}

	private String pick(List<String> options) {
		return options.get(random.nextInt(options.size()));
	}

	private int poisson(double lambda) {
		double l = Math.exp(-lambda);
		int k = 0;
		double p = 1;
		do {
			k++;
			p *= random.nextDouble();
		}
		while (p > l && k < 200);
		return k - 1;
	}
}
