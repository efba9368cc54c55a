package org.vigie.simulator.meta;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.vigie.shared.Network;
import org.vigie.simulator.DemoCast;
import org.vigie.simulator.SimPost;
import org.vigie.simulator.SimShow;
import org.vigie.simulator.SimUser;
import org.vigie.simulator.Simulator;

/**
 * Meta's webhooks, as the simulator sends them to Vigie's {@code /webhooks/facebook} and
 * {@code /webhooks/instagram} in the demo workspace: each new comment, reply, visitor post and
 * Messenger message on a demo show's Page, each new comment on its Instagram media and each
 * @mention of its Instagram account elsewhere, is delivered as Meta does
 * ({@code api-reference/facebook/samples/webhook-*.json}, {@code …/instagram/samples/webhook-comments.json},
 * {@code webhook-mentions.json}), batched per tick and signed with
 * {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, body)>} (and the legacy
 * {@code X-Hub-Signature: sha1=…}). Ids are those the Graph fakes serve, so polling, the safety
 * net, finds the same items and Vigie stores them once. Off until {@link #start}; only the
 * accounts {@linkplain #subscribe subscribed} (as {@code POST /{page-id}/subscribed_apps} does) are pushed.
 */
@Component
public class MetaWebhooks {

	/** The test app secret of {@code api-reference/facebook/samples/signatures.md}. */
	public static final String TEST_APP_SECRET = "vigie-test-app-secret";

	private static final Logger log = LoggerFactory.getLogger(MetaWebhooks.class);

	private static final Network FB = Network.FACEBOOK;

	private static final Network IG = Network.INSTAGRAM;

	private final Simulator sim;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private volatile @Nullable String secret;

	private final Map<Network, Long> pushedUpTo = new java.util.concurrent.ConcurrentHashMap<>();

	private final Map<Network, Set<String>> subscribed = Map.of(FB,
			java.util.concurrent.ConcurrentHashMap.newKeySet(), IG, java.util.concurrent.ConcurrentHashMap.newKeySet());

	MetaWebhooks(Simulator sim) {
		this.sim = sim;
	}

	/** Starts pushing the activity written from now on, signed with {@code appSecret}. */
	public synchronized void start(String appSecret) {
		this.secret = appSecret;
		Instant now = sim.clock().instant();
		pushedUpTo.put(FB, sim.world().newestNumber(FB, now));
		pushedUpTo.put(IG, sim.world().newestNumber(IG, now));
	}

	/** Pushes the activity of this Page ({@code FACEBOOK}) or Instagram account from now on. */
	public void subscribe(Network network, String accountId) {
		Set<String> set = subscribed.get(network);
		if (set == null) {
			throw new IllegalArgumentException("Meta pushes only Facebook and Instagram, not " + network);
		}
		set.add(accountId);
	}

	/** True when this account's activity is pushed (once started). */
	public boolean subscribed(Network network, String accountId) {
		return subscribed.getOrDefault(network, Set.of()).contains(accountId);
	}

	/** Subscribes the Page and the Instagram account of every demo show. */
	public void subscribeDemoShows() {
		for (SimShow show : DemoCast.SHOWS) {
			sim.showAccount(FB, show).ifPresent(u -> subscribe(FB, u.id()));
			sim.showAccount(IG, show).ifPresent(u -> subscribe(IG, u.id()));
		}
	}

	@Scheduled(fixedDelayString = "${vigie.simulator.webhook-tick:5s}", initialDelayString = "${vigie.simulator.webhook-tick:5s}")
	void tick() {
		if (secret != null) {
			push();
		}
	}

	/**
	 * Sends the deliveries for the activity since the last push, one per network.
	 * @return the number of changes and messages delivered
	 */
	public synchronized int push() {
		String appSecret = secret;
		if (appSecret == null) {
			return 0;
		}
		Instant now = sim.clock().instant();
		int sent = 0;
		sent += deliver(FB, "facebook", facebook(now), appSecret);
		sent += deliver(IG, "instagram", instagram(now), appSecret);
		return sent;
	}

	/** The entries of one {@code page} delivery per Page with news, and how many changes they hold. */
	private Entries facebook(Instant now) {
		Map<String, SimUser> pages = showAccounts(FB);
		Entries entries = new Entries("page");
		long upTo = pushedUpTo.getOrDefault(FB, 0L);
		for (SimPost p : sim.world().after(FB, upTo, now)) {
			upTo = Math.max(upTo, p.number());
			if (p.malformed()) {
				continue;
			}
			if (p.isDirect()) {
				SimUser page = pages.get(p.directTo().id());
				if (page != null) {
					ObjectNode m = entries.entry(page.id(), now).withArray("messaging").addObject();
					m.putObject("sender").put("id", p.author().id());
					m.putObject("recipient").put("id", page.id());
					m.put("timestamp", p.createdAt().toEpochMilli());
					m.putObject("message").put("mid", "m_" + p.id()).put("text", p.text());
					entries.count++;
				}
				continue;
			}
			if (p.inReplyToId() == null) {
				// A visitor post: a fan's root post that names a Page.
				for (SimUser page : pages.values()) {
					if (!p.author().id().equals(page.id()) && p.mentions(page.handle())) {
						ObjectNode v = change(entries.entry(page.id(), now), "feed");
						v.putObject("from").put("id", p.author().id()).put("name", p.author().name());
						v.put("post_id", page.id() + "_" + p.id()).put("message", p.text())
							.put("created_time", p.createdAt().getEpochSecond()).put("item", "status").put("verb", "add")
							.put("published", 1);
						entries.count++;
					}
				}
				continue;
			}
			Optional<SimPost> root = sim.world().find(FB, p.conversationId());
			if (root.isEmpty()) {
				continue;
			}
			SimUser page = pages.get(root.get().author().id());
			if (page == null) {
				continue;
			}
			String postId = page.id() + "_" + root.get().id();
			String parent = p.inReplyToId().equals(root.get().id()) ? postId : p.conversationId() + "_" + p.inReplyToId();
			ObjectNode v = change(entries.entry(page.id(), now), "feed");
			v.putObject("from").put("id", p.author().id()).put("name", p.author().name());
			v.putObject("post").put("status_type", "mobile_status_update").put("is_published", true)
				.put("updated_time", Graph.time(p.createdAt()))
				.put("permalink_url", "https://www.facebook.com/" + page.handle() + "/posts/" + root.get().id())
				.put("promotion_status", "inactive").put("id", postId);
			v.put("message", p.text()).put("post_id", postId).put("comment_id", p.conversationId() + "_" + p.id())
				.put("created_time", p.createdAt().getEpochSecond()).put("item", "comment").put("parent_id", parent)
				.put("verb", "add");
			entries.count++;
		}
		pushedUpTo.put(FB, upTo);
		return entries;
	}

	/**
	 * The entries of one {@code instagram} delivery: comments and replies on the accounts' media
	 * ({@code comments}, with their text), and @mentions of an account in someone else's caption or
	 * comment ({@code mentions}: ids only, as Instagram sends them; Vigie looks the text up).
	 */
	private Entries instagram(Instant now) {
		Map<String, SimUser> accounts = showAccounts(IG);
		Entries entries = new Entries("instagram");
		long upTo = pushedUpTo.getOrDefault(IG, 0L);
		for (SimPost p : sim.world().after(IG, upTo, now)) {
			upTo = Math.max(upTo, p.number());
			if (p.malformed() || p.isDirect()) {
				continue;
			}
			Optional<SimPost> media = p.inReplyToId() == null ? Optional.of(p) : sim.world().find(IG, p.conversationId());
			if (media.isEmpty()) {
				continue;
			}
			for (SimUser account : accounts.values()) {
				if (!account.id().equals(p.author().id()) && !account.id().equals(media.get().author().id())
						&& p.mentions(account.handle())) {
					ObjectNode m = change(entries.entry(account.id(), now), "mentions");
					m.put("media_id", media.get().id());
					if (p != media.get()) {
						m.put("comment_id", p.id());
					}
					entries.count++;
				}
			}
			if (p.inReplyToId() == null || !accounts.containsKey(media.get().author().id())
					|| p.author().id().equals(media.get().author().id())) {
				continue;
			}
			ObjectNode v = change(entries.entry(media.get().author().id(), now), "comments");
			v.putObject("from").put("id", p.author().id()).put("username", p.author().handle());
			v.putObject("media").put("id", media.get().id()).put("media_product_type", "FEED");
			v.put("id", p.id());
			if (!p.inReplyToId().equals(media.get().id())) {
				v.put("parent_id", p.inReplyToId());
			}
			v.put("text", p.text());
			entries.count++;
		}
		pushedUpTo.put(IG, upTo);
		return entries;
	}

	private Map<String, SimUser> showAccounts(Network network) {
		Map<String, SimUser> accounts = new LinkedHashMap<>();
		for (String id : subscribed.get(network)) {
			sim.world().user(network, id).ifPresent(u -> accounts.put(u.id(), u));
		}
		return accounts;
	}

	private static ObjectNode change(ObjectNode entry, String field) {
		ObjectNode change = entry.withArray("changes").addObject();
		change.put("field", field);
		return change.putObject("value");
	}

	private int deliver(Network network, String path, Entries entries, String appSecret) {
		if (entries.count == 0) {
			return 0;
		}
		byte[] body = entries.body().getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create(sim.vigieUrl() + "/webhooks/" + path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("User-Agent", "facebookexternalua")
			.header("X-Hub-Signature-256", "sha256=" + hmac("HmacSHA256", appSecret, body))
			.header("X-Hub-Signature", "sha1=" + hmac("HmacSHA1", appSecret, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				log.warn("Simulated {} webhook refused by Vigie: HTTP {}", network.label(), response.statusCode());
				return 0;
			}
			return entries.count;
		}
		catch (java.io.IOException e) {
			log.warn("Simulated {} webhook not delivered: {}", network.label(), e.getMessage());
			return 0;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	static String hmac(String algorithm, String key, byte[] body) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The {@code entry[]} of one delivery, one per account, in order. */
	private static final class Entries {

		private final ObjectNode root = Graph.JSON.createObjectNode();

		private final ArrayNode list;

		private final Map<String, ObjectNode> byAccount = new LinkedHashMap<>();

		private int count;

		Entries(String object) {
			root.put("object", object);
			list = root.putArray("entry");
		}

		ObjectNode entry(String accountId, Instant now) {
			return byAccount.computeIfAbsent(accountId, id -> {
				ObjectNode e = list.addObject();
				e.put("id", id).put("time", now.getEpochSecond());
				return e;
			});
		}

		String body() {
			return root.toString();
		}
	}
}
