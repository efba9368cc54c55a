package org.vigie.simulator.bluesky;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vigie.shared.Network;
import org.vigie.simulator.SimPost;
import org.vigie.simulator.SimRequest;
import org.vigie.simulator.SimResponse;
import org.vigie.simulator.SimUser;
import org.vigie.simulator.Simulator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The repository side of the fake PDS: {@code createRecord} (posts, replies, likes),
 * {@code putRecord} (threadgates and their {@code hiddenReplies}), {@code deleteRecord} and
 * {@code getRecord}, with the PDS's validation errors.
 */
final class Records {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Simulator sim;

	private final Views views;

	private final Map<String, ObjectNode> threadgates;

	Records(Simulator sim, Views views, Map<String, ObjectNode> threadgates) {
		this.sim = sim;
		this.views = views;
		this.threadgates = threadgates;
	}

	SimResponse get(SimRequest r) {
		String collection = r.param("collection").orElse("");
		String rkey = r.param("rkey").orElse("");
		Optional<String> postId = AtIds.postId(rkey);
		if (collection.equals("app.bsky.feed.threadgate") && postId.isPresent() && threadgates.containsKey(postId.get())) {
			ObjectNode out = JSON.createObjectNode();
			out.put("uri", "at://" + r.param("repo").orElse("") + "/" + collection + "/" + rkey);
			out.put("cid", AtIds.cid(postId.get()));
			out.set("value", threadgates.get(postId.get()));
			return BlueskyFake.ok(out);
		}
		Optional<SimPost> post = postId.flatMap(id -> sim.world().find(Network.BLUESKY, id));
		if (collection.equals("app.bsky.feed.post") && post.isPresent()) {
			ObjectNode out = JSON.createObjectNode();
			out.put("uri", AtIds.uri(post.get().author().id(), post.get().id()));
			out.put("cid", AtIds.cid(post.get().id()));
			out.set("value", views.record(post.get()));
			return BlueskyFake.ok(out);
		}
		return BlueskyFake.xrpcError(400, "RecordNotFound", "Could not locate record: at://" + r.param("repo").orElse("")
				+ "/" + collection + "/" + rkey);
	}

	SimResponse create(SimRequest r, SimUser me) {
		JsonNode body = body(r);
		if (body == null || !body.path("repo").asString("").equals(AtIds.did(me.id()))) {
			return BlueskyFake.xrpcError(400, "InvalidRequest", "Input/repo must be the authenticated account");
		}
		JsonNode record = body.path("record");
		return switch (body.path("collection").asString("")) {
			case "app.bsky.feed.post" -> post(r, me, record);
			case "app.bsky.feed.like" -> like(record);
			default -> BlueskyFake.xrpcError(400, "InvalidRequest", "Unsupported collection");
		};
	}

	private SimResponse post(SimRequest r, SimUser me, JsonNode record) {
		String text = record.path("text").asString("");
		if (BlueskyFake.graphemes(text) > 300) {
			return BlueskyFake.xrpcError(400, "InvalidRequest",
					"Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes");
		}
		if (text.getBytes(StandardCharsets.UTF_8).length > 3000) {
			return BlueskyFake.xrpcError(400, "InvalidRequest",
					"Invalid app.bsky.feed.post record: Record/text must not be longer than 3000 characters");
		}
		SimPost parent = null;
		String parentUri = record.path("reply").path("parent").path("uri").asString("");
		if (!parentUri.isEmpty()) {
			Optional<SimPost> found = AtIds.postIdOfUri(parentUri).flatMap(id -> sim.world().find(Network.BLUESKY, id));
			if (found.isEmpty()) {
				return BlueskyFake.xrpcError(400, "InvalidRequest", "Could not find parent: " + parentUri);
			}
			parent = found.get();
		}
		String lang = record.path("langs").path(0).asString("fr");
		SimPost post = sim.world().post(Network.BLUESKY, me, text, r.now(), parent, null, lang, null);
		return created(post);
	}

	private SimResponse like(JsonNode record) {
		String uri = record.path("subject").path("uri").asString("");
		Optional<SimPost> post = AtIds.postIdOfUri(uri).flatMap(id -> sim.world().find(Network.BLUESKY, id));
		if (post.isEmpty()) {
			return BlueskyFake.xrpcError(400, "InvalidRequest", "Could not find subject: " + uri);
		}
		sim.world().update(Network.BLUESKY, post.get().id(), p -> copy(p, p.likes() + 1, p.hidden()));
		ObjectNode out = JSON.createObjectNode();
		out.put("uri", "at://" + AtIds.did(post.get().author().id()) + "/app.bsky.feed.like/" + AtIds.rkey(post.get().id()));
		out.put("cid", AtIds.cid(post.get().id()));
		return BlueskyFake.ok(out);
	}

	SimResponse put(SimRequest r, SimUser me) {
		JsonNode body = body(r);
		if (body == null || !body.path("repo").asString("").equals(AtIds.did(me.id()))
				|| !body.path("collection").asString("").equals("app.bsky.feed.threadgate")) {
			return BlueskyFake.xrpcError(400, "InvalidRequest", "Only the account's threadgates can be written here");
		}
		Optional<String> rootId = AtIds.postId(body.path("rkey").asString(""));
		Optional<SimPost> root = rootId.flatMap(id -> sim.world().find(Network.BLUESKY, id));
		if (root.isEmpty() || !root.get().author().id().equals(me.id())) {
			return BlueskyFake.xrpcError(400, "InvalidRequest",
					"Invalid app.bsky.feed.threadgate record: the rkey must be that of one of your posts");
		}
		ObjectNode gate = ((ObjectNode) body.path("record")).deepCopy();
		Set<String> hidden = new HashSet<>();
		gate.path("hiddenReplies").forEach(n -> AtIds.postIdOfUri(n.asString()).ifPresent(hidden::add));
		threadgates.put(rootId.get(), gate);
		for (SimPost p : sim.world().query(Network.BLUESKY, r.now(), p -> root.get().id().equals(p.conversationId()))) {
			if (p.hidden() != hidden.contains(p.id())) {
				sim.world().update(Network.BLUESKY, p.id(), q -> copy(q, q.likes(), hidden.contains(q.id())));
			}
		}
		ObjectNode out = JSON.createObjectNode();
		out.put("uri", "at://" + AtIds.did(me.id()) + "/app.bsky.feed.threadgate/" + AtIds.rkey(rootId.get()));
		out.put("cid", AtIds.cid(rootId.get()));
		return BlueskyFake.ok(out);
	}

	SimResponse delete(SimRequest r, SimUser me) {
		JsonNode body = body(r);
		if (body == null || !body.path("repo").asString("").equals(AtIds.did(me.id()))) {
			return BlueskyFake.xrpcError(400, "InvalidRequest", "Input/repo must be the authenticated account");
		}
		AtIds.postId(body.path("rkey").asString("")).ifPresent(id -> sim.world().delete(Network.BLUESKY, id));
		ObjectNode out = JSON.createObjectNode();
		out.putObject("commit").put("cid", "bafyreisimcommit").put("rev", AtIds.rkey(String.valueOf(r.now().toEpochMilli() * 1000)));
		return BlueskyFake.ok(out);
	}

	private SimResponse created(SimPost post) {
		ObjectNode out = JSON.createObjectNode();
		out.put("uri", AtIds.uri(post.author().id(), post.id()));
		out.put("cid", AtIds.cid(post.id()));
		out.putObject("commit").put("cid", "bafyreisimcommit" + post.id()).put("rev", AtIds.rkey(post.id()));
		out.put("validationStatus", "valid");
		return BlueskyFake.ok(out);
	}

	private static SimPost copy(SimPost p, long likes, boolean hidden) {
		return new SimPost(p.id(), p.network(), p.author(), p.text(), p.createdAt(), p.inReplyToId(), p.inReplyToUserId(),
				p.conversationId(), p.mentions(), p.hashtags(), p.directTo(), p.lang(), p.show(), likes, p.reposts(),
				p.replies(), p.impressions(), hidden, p.malformed(), p.idempotencyKey());
	}

	private static JsonNode body(SimRequest r) {
		try {
			return JSON.readTree(r.body());
		}
		catch (JacksonException notJson) {
			return null;
		}
	}
}
