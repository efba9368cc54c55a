package org.vigie.simulator.rss;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
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
 * forum's threads about the show) and {@code /feeds/<show>.atom} (Atom 1.0), the public posts of
 * the RSS network about the show, newest first, {@value #PAGE} a document. Older posts are reached
 * by RFC 5005 paging: each document links the next older one ({@code <link rel="next">}, as
 * {@code atom:link} in RSS) at {@code ?before=<post id>}, a stable archive that new posts do not
 * shift. Served with {@code ETag} and {@code Last-Modified}, and {@code 304 Not Modified} to a
 * conditional GET that matches. A private feed carries a key the simulator issued ({@code ?key=…},
 * repeated in its links): a revoked or unknown key is answered {@code 401}. Entries carry some
 * HTML (the connector sanitises it); a malformed post is served as an empty entry: its id and
 * author, without title, link, date or content.
 */
@Component
public class FeedFake implements NetworkFake {

	private static final Pattern FEED = Pattern.compile("/feeds/([A-Za-z0-9_-]+)\\.(xml|atom)");

	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	/** Entries in one feed document. */
	public static final int PAGE = 20;

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
		String slug = m.group(1);
		Optional<String> key = r.param("key");
		if (key.isPresent() && sim.auth().userOf(Network.RSS, key.get(), r.now()).isEmpty()) {
			return error(401, "Unauthorized").with(Map.of("WWW-Authenticate", "Bearer realm=\"forum\""));
		}
		long before;
		try {
			before = r.param("before").map(Long::parseLong).orElse(Long.MAX_VALUE);
		}
		catch (NumberFormatException ex) {
			return error(400, "Bad Request");
		}
		List<SimPost> all = sim.world().query(Network.RSS, r.now(),
				p -> !p.isDirect() && slug.equals(p.show()) && p.number() < before);
		if (all.isEmpty() && DemoCast.SHOWS.stream().noneMatch(s -> s.slug().equals(slug)) && key.isEmpty()) {
			return error(404, "Not Found");
		}
		List<SimPost> posts = all.subList(0, Math.min(PAGE, all.size()));
		boolean atom = m.group(2).equals("atom");
		String self = r.base() + "/feeds/" + slug + "." + m.group(2);
		String suffix = key.map(k -> "key=" + k).orElse("");
		Links links = new Links(self + (suffix.isEmpty() ? "" : "?" + suffix),
				all.size() > PAGE ? self + "?before=" + posts.get(posts.size() - 1).id() + (suffix.isEmpty() ? "" : "&" + suffix)
						: null);
		String name = DemoCast.SHOWS.stream().filter(s -> s.slug().equals(slug)).map(SimShow::name).findFirst().orElse(slug);
		String body = atom ? atom(r, slug, name, posts, links) : rss(r, slug, name, posts, links);
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

	/** RFC 5005 links of a document: the newest one ({@code first}) and the next older one, if any. */
	private record Links(String first, @Nullable String next) {
	}

	private static boolean notModifiedSince(SimRequest r, Instant modified) {
		String since = r.header("if-modified-since");
		if (since == null) {
			return false;
		}
		try {
			return !modified.truncatedTo(ChronoUnit.SECONDS)
				.isAfter(ZonedDateTime.parse(since, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
		}
		catch (DateTimeParseException unreadable) {
			return false;
		}
	}

	private String rss(SimRequest r, String slug, String name, List<SimPost> posts, Links links) {
		StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"")
			.append(" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n")
			.append("<title>").append(esc("Forum " + name)).append("</title>\n")
			.append("<link>").append(r.base()).append("/forum/").append(slug).append("</link>\n")
			.append("<description>").append(esc("Les fans de " + name + " en parlent")).append("</description>\n")
			.append("<atom:link rel=\"first\" href=\"").append(esc(links.first())).append("\"/>\n");
		if (links.next() != null) {
			x.append("<atom:link rel=\"next\" href=\"").append(esc(links.next())).append("\"/>\n");
		}
		x.append("<ttl>5</ttl>\n");
		for (SimPost p : posts) {
			x.append("<item>\n<guid isPermaLink=\"false\">sim-forum-").append(p.id()).append("</guid>\n");
			if (!p.malformed()) {
				x.append("<title>").append(esc(title(p))).append("</title>\n")
					.append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(p.createdAt().atOffset(ZoneOffset.UTC)))
					.append("</pubDate>\n")
					.append("<link>").append(r.base()).append("/forum/").append(slug).append("/").append(p.id()).append("</link>\n")
					.append("<description>").append(esc(html(p))).append("</description>\n");
			}
			x.append("<author>").append(esc(p.author().handle() + "@forum.example (" + p.author().name() + ")")).append("</author>\n")
				.append("</item>\n");
		}
		return x.append("</channel>\n</rss>\n").toString();
	}

	private String atom(SimRequest r, String slug, String name, List<SimPost> posts, Links links) {
		String updated = posts.isEmpty() ? Instant.EPOCH.toString() : posts.get(0).createdAt().toString();
		StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
			.append("<title>").append(esc("Forum " + name)).append("</title>\n")
			.append("<id>urn:vigie-sim:forum:").append(slug).append("</id>\n")
			.append("<updated>").append(updated).append("</updated>\n")
			.append("<link rel=\"self\" href=\"").append(esc(r.base() + "/feeds/" + slug + ".atom")).append("\"/>\n")
			.append("<link rel=\"first\" href=\"").append(esc(links.first())).append("\"/>\n");
		if (links.next() != null) {
			x.append("<link rel=\"next\" href=\"").append(esc(links.next())).append("\"/>\n");
		}
		for (SimPost p : posts) {
			x.append("<entry>\n<id>urn:vigie-sim:forum:").append(p.id()).append("</id>\n");
			if (!p.malformed()) {
				x.append("<title>").append(esc(title(p))).append("</title>\n")
					.append("<updated>").append(p.createdAt()).append("</updated>\n")
					.append("<link href=\"").append(esc(r.base() + "/forum/" + slug + "/" + p.id())).append("\"/>\n")
					.append("<content type=\"html\">").append(esc(html(p))).append("</content>\n");
			}
			x.append("<author><name>").append(esc(p.author().name())).append("</name></author>\n")
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
