package org.vigie.simulator.rss;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.vigie.shared.Network;
import org.vigie.simulator.DemoAccount;
import org.vigie.simulator.DemoCast;
import org.vigie.simulator.NetworkFake;
import org.vigie.simulator.SimPost;
import org.vigie.simulator.SimResponse;
import org.vigie.simulator.SimRequest;
import org.vigie.simulator.SimShow;
import org.vigie.simulator.Simulator;

/**
 * Fake RSS 2.0 and Atom feeds of the simulated world: {@code /feeds/<show>.xml} (RSS 2.0, a fan
 * forum's threads about the show) and {@code /feeds/<show>.atom} (Atom 1.0), the last 50 public
 * posts of the RSS network about the show, served with {@code ETag} and {@code Last-Modified}, and
 * {@code 304 Not Modified} to a conditional GET that matches. Entries carry some HTML (the
 * connector sanitises it); a malformed post is served as an entry without its id, title or date.
 */
@Component
class FeedFake implements NetworkFake {

	private static final Pattern FEED = Pattern.compile("/feeds/([a-z0-9-]+)\\.(xml|atom)");

	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private static final int ENTRIES = 50;

	private final Simulator sim;

	FeedFake(Simulator sim) {
		this.sim = sim;
	}

	@Override
	public Network network() {
		return Network.RSS;
	}

	@Override
	public SimResponse handle(SimRequest r) {
		Matcher m = FEED.matcher(r.path());
		if (!r.method().equals("GET") || !m.matches()) {
			return error(404, "Not Found");
		}
		Optional<SimShow> show = DemoCast.SHOWS.stream().filter(s -> s.slug().equals(m.group(1))).findFirst();
		if (show.isEmpty()) {
			return error(404, "Not Found");
		}
		List<SimPost> posts = sim.world().query(Network.RSS, r.now(),
				p -> !p.isDirect() && show.get().slug().equals(p.show()));
		posts = posts.subList(0, Math.min(ENTRIES, posts.size()));
		boolean atom = m.group(2).equals("atom");
		String body = atom ? atom(r, show.get(), posts) : rss(r, show.get(), posts);
		String etag = "\"" + sha1(body).substring(0, 20) + "\"";
		Instant modified = posts.isEmpty() ? Instant.EPOCH : posts.get(0).createdAt();
		Map<String, String> validators = Map.of("ETag", etag, "Last-Modified", HTTP_DATE.format(modified),
				"Cache-Control", "max-age=60");
		if (etag.equals(r.header("if-none-match")) || r.header("if-none-match") == null && notModifiedSince(r, modified)) {
			return new SimResponse(304, validators, "", "text/plain");
		}
		return new SimResponse(200, validators, body,
				atom ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8");
	}

	private static boolean notModifiedSince(SimRequest r, Instant modified) {
		String since = r.header("if-modified-since");
		if (since == null) {
			return false;
		}
		try {
			return !modified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
				.isAfter(java.time.ZonedDateTime.parse(since, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
		}
		catch (DateTimeParseException unreadable) {
			return false;
		}
	}

	private String rss(SimRequest r, SimShow show, List<SimPost> posts) {
		StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n")
			.append("<title>").append(esc("Forum " + show.name())).append("</title>\n")
			.append("<link>").append(r.base()).append("/forum/").append(show.slug()).append("</link>\n")
			.append("<description>").append(esc("Les fans de " + show.name() + " en parlent")).append("</description>\n")
			.append("<ttl>5</ttl>\n");
		for (SimPost p : posts) {
			x.append("<item>\n");
			if (!p.malformed()) {
				x.append("<guid isPermaLink=\"false\">sim-forum-").append(p.id()).append("</guid>\n")
					.append("<title>").append(esc(title(p))).append("</title>\n")
					.append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(p.createdAt().atOffset(ZoneOffset.UTC)))
					.append("</pubDate>\n");
			}
			x.append("<link>").append(r.base()).append("/forum/").append(show.slug()).append("/").append(p.id()).append("</link>\n")
				.append("<author>").append(esc(p.author().handle() + "@forum.example (" + p.author().name() + ")")).append("</author>\n")
				.append("<description>").append(esc(html(p))).append("</description>\n")
				.append("</item>\n");
		}
		return x.append("</channel>\n</rss>\n").toString();
	}

	private String atom(SimRequest r, SimShow show, List<SimPost> posts) {
		String updated = posts.isEmpty() ? Instant.EPOCH.toString() : posts.get(0).createdAt().toString();
		StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
			.append("<title>").append(esc("Forum " + show.name())).append("</title>\n")
			.append("<id>urn:vigie-sim:forum:").append(show.slug()).append("</id>\n")
			.append("<updated>").append(updated).append("</updated>\n")
			.append("<link rel=\"self\" href=\"").append(esc(r.base() + "/feeds/" + show.slug() + ".atom")).append("\"/>\n");
		for (SimPost p : posts) {
			x.append("<entry>\n");
			if (!p.malformed()) {
				x.append("<id>urn:vigie-sim:forum:").append(p.id()).append("</id>\n")
					.append("<title>").append(esc(title(p))).append("</title>\n")
					.append("<updated>").append(p.createdAt()).append("</updated>\n");
			}
			x.append("<author><name>").append(esc(p.author().name())).append("</name></author>\n")
				.append("<link href=\"").append(esc(r.base() + "/forum/" + show.slug() + "/" + p.id())).append("\"/>\n")
				.append("<content type=\"html\">").append(esc(html(p))).append("</content>\n")
				.append("</entry>\n");
		}
		return x.append("</feed>\n").toString();
	}

	private static String title(SimPost p) {
		String text = p.text().strip();
		return text.length() <= 60 ? text : text.substring(0, 59) + "…";
	}

	private static String html(SimPost p) {
		return "<p>" + HtmlUtils.htmlEscape(p.text()) + "</p><p><small>" + HtmlUtils.htmlEscape(p.author().name())
				+ "</small></p>";
	}

	private static String esc(String s) {
		return HtmlUtils.htmlEscape(s, "UTF-8");
	}

	/** A demo show's forum feed, as connecting it from Settings (by URL) would store it. */
	@Override
	public Optional<DemoAccount> demoAccount(SimShow show, Instant now) {
		String url = sim.baseUrl(Network.RSS) + "/feeds/" + show.slug() + ".xml";
		return Optional.of(new DemoAccount("Forum " + show.name(), url, "Forum " + show.name(), Map.of("feed_url", url), null));
	}

	@Override
	public SimResponse error(int status, String message) {
		return new SimResponse(status, Map.of(), "<html><body><h1>" + status + " " + esc(message) + "</h1></body></html>",
				"text/html; charset=utf-8");
	}

	@Override
	public Map<String, String> rateLimitHeaders(int limit, int remaining, Instant reset) {
		long seconds = Math.max(0, Duration.between(sim.clock().instant(), reset).toSeconds());
		return Map.of("Retry-After", Long.toString(seconds));
	}

	private static String sha1(String s) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is part of every Java runtime", ex);
		}
	}
}
