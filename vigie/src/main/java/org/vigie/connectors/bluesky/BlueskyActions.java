package org.vigie.connectors.bluesky;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vigie.connectors.Actions;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.Publisher;
import org.vigie.shared.Reason;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes to the account's repository: posts and replies ({@code app.bsky.feed.post} with strong
 * references and facets), likes, deletes, and hiding replies through the thread's
 * {@code app.bsky.feed.threadgate} ({@code hiddenReplies}). Bluesky has no idempotency keys: before
 * writing, a reply or post looks for the same text already written by the account. Not thread-safe.
 */
final class BlueskyActions implements Actions, Publisher {

	private static final String POST = "app.bsky.feed.post";

	private static final String LIKE = "app.bsky.feed.like";

	private static final String THREADGATE = "app.bsky.feed.threadgate";

	private final XrpcClient xrpc;

	private final BlueskySession session;

	private final Clock clock;

	BlueskyActions(XrpcClient xrpc, BlueskySession session, Clock clock) {
		this.xrpc = xrpc;
		this.session = session;
		this.clock = clock;
	}

	@Override
	public String reply(String inReplyTo, String text, String idempotencyKey) throws ConnectorException {
		JsonNode parent = post(inReplyTo);
		Optional<String> already = existingReply(inReplyTo, text);
		if (already.isPresent()) {
			return already.get();
		}
		ObjectNode record = record(text);
		ObjectNode reply = record.putObject("reply");
		JsonNode parentReply = parent.path("record").path("reply");
		reply.set("root", parentReply.path("root").isObject() ? strongRef(parentReply.path("root")) : strongRef(parent));
		reply.set("parent", strongRef(parent));
		return create(POST, record);
	}

	@Override
	public void like(String externalId) throws ConnectorException {
		JsonNode post = post(externalId);
		ObjectNode record = XrpcClient.JSON.createObjectNode();
		record.put("$type", LIKE);
		record.set("subject", strongRef(post));
		record.put("createdAt", clock.instant().toString());
		create(LIKE, record);
	}

	/**
	 * Hides (or shows again) a reply in a thread the account started, by listing it in the root
	 * post's threadgate. Bluesky lets only the author of the thread's root do this.
	 */
	@Override
	public void hide(String externalId, boolean hidden) throws ConnectorException {
		String did = session.did();
		JsonNode reply = post(externalId);
		String rootUri = reply.path("record").path("reply").path("root").path("uri").asString("");
		if (rootUri.isEmpty()) {
			throw new ConnectorException.Rejected("Only replies can be hidden on Bluesky; " + externalId + " starts a thread",
					Reason.of("connectors.bluesky.hide-root"));
		}
		AtUri root = AtUri.parse(rootUri);
		if (!root.repo().equals(did)) {
			throw new ConnectorException.Rejected(
					"Bluesky lets only the author of a thread hide its replies; this thread is not the account's",
					Reason.of("connectors.bluesky.hide-not-author"));
		}
		ObjectNode gate = existingThreadgate(did, root.rkey()).orElseGet(() -> {
			ObjectNode fresh = XrpcClient.JSON.createObjectNode();
			fresh.put("$type", THREADGATE);
			fresh.put("post", rootUri);
			fresh.put("createdAt", clock.instant().toString());
			return fresh;
		});
		List<String> hiddenReplies = new ArrayList<>();
		gate.path("hiddenReplies").forEach(n -> hiddenReplies.add(n.asString()));
		hiddenReplies.remove(externalId);
		if (hidden) {
			hiddenReplies.add(externalId);
		}
		ArrayNode list = gate.putArray("hiddenReplies");
		hiddenReplies.forEach(list::add);
		ObjectNode body = XrpcClient.JSON.createObjectNode();
		body.put("repo", did);
		body.put("collection", THREADGATE);
		body.put("rkey", root.rkey());
		body.set("record", gate);
		session.call(token -> xrpc.procedure("com.atproto.repo.putRecord", body, token, Map.of()));
	}

	@Override
	public void delete(String externalId) throws ConnectorException {
		AtUri uri = AtUri.parse(externalId);
		if (!uri.repo().equals(session.did())) {
			throw new ConnectorException.Rejected("Bluesky lets an account delete only its own records",
					Reason.of("connectors.bluesky.delete-not-own"));
		}
		ObjectNode body = XrpcClient.JSON.createObjectNode();
		body.put("repo", uri.repo());
		body.put("collection", uri.collection());
		body.put("rkey", uri.rkey());
		session.call(token -> xrpc.procedure("com.atproto.repo.deleteRecord", body, token, Map.of()));
	}

	@Override
	public String publish(String text, List<String> mediaUrls, String idempotencyKey) throws ConnectorException {
		if (!mediaUrls.isEmpty()) {
			throw new ConnectorException.Rejected("Publishing images to Bluesky is not supported yet",
					Reason.of("connectors.no-media", "Bluesky"));
		}
		Optional<String> already = findPublished(text, idempotencyKey);
		if (already.isPresent()) {
			return already.get();
		}
		return create(POST, record(text));
	}

	/** A recent post of the account with exactly this text (Bluesky has no idempotency keys). */
	@Override
	public Optional<String> findPublished(String text, String idempotencyKey) throws ConnectorException {
		String did = session.did();
		JsonNode feed = session.call(token -> xrpc.query("app.bsky.feed.getAuthorFeed",
				Map.of("actor", did, "filter", "posts_and_author_threads", "limit", 30), token, Map.of()));
		for (JsonNode item : feed.path("feed")) {
			JsonNode post = item.path("post");
			if (!item.has("reason") && post.path("author").path("did").asString("").equals(did)
					&& post.path("record").path("text").asString("").equals(text)
					&& !post.path("record").has("reply")) {
				return Optional.of(post.path("uri").asString());
			}
		}
		return Optional.empty();
	}

	private Optional<String> existingReply(String parentUri, String text) throws ConnectorException {
		String did = session.did();
		JsonNode thread;
		try {
			thread = session.call(token -> xrpc.query("app.bsky.feed.getPostThread",
					Map.of("uri", parentUri, "depth", 1, "parentHeight", 0), token, Map.of()));
		}
		catch (ConnectorException.Rejected notFound) {
			return Optional.empty();
		}
		for (JsonNode reply : thread.path("thread").path("replies")) {
			JsonNode post = reply.path("post");
			if (post.path("author").path("did").asString("").equals(did)
					&& post.path("record").path("text").asString("").equals(text)) {
				return Optional.of(post.path("uri").asString());
			}
		}
		return Optional.empty();
	}

	private Optional<ObjectNode> existingThreadgate(String did, String rkey) throws ConnectorException {
		try {
			JsonNode found = session.call(token -> xrpc.query("com.atproto.repo.getRecord",
					Map.of("repo", did, "collection", THREADGATE, "rkey", rkey), token, Map.of()));
			return found.path("value").isObject() ? Optional.of(((ObjectNode) found.path("value")).deepCopy())
					: Optional.empty();
		}
		catch (ConnectorException.Rejected notFound) {
			return Optional.empty();
		}
	}

	/**
	 * The post view of {@code uri} (its {@code cid} and record are needed for strong references). A
	 * post the AppView has not indexed yet (seconds old) is read from its repository instead.
	 */
	private JsonNode post(String uri) throws ConnectorException {
		AtUri at = AtUri.parse(uri);
		JsonNode posts = session.call(token -> xrpc.query("app.bsky.feed.getPosts", Map.of("uris", List.of(uri)), token,
				Map.of()));
		JsonNode first = posts.path("posts").path(0);
		if (first.isObject() && !first.path("cid").asString("").isEmpty()) {
			return first;
		}
		try {
			JsonNode record = session.call(token -> xrpc.query("com.atproto.repo.getRecord",
					Map.of("repo", at.repo(), "collection", at.collection(), "rkey", at.rkey()), token, Map.of()));
			if (!record.path("cid").asString("").isEmpty()) {
				ObjectNode view = XrpcClient.JSON.createObjectNode();
				view.put("uri", uri);
				view.put("cid", record.path("cid").asString());
				view.set("record", record.path("value"));
				return view;
			}
		}
		catch (ConnectorException.Rejected notInThisRepository) {
			// fall through: the post is gone, or lives on another PDS and is not indexed yet
		}
		throw new ConnectorException.Rejected("The Bluesky post " + uri + " no longer exists",
				Reason.of("connectors.bluesky.post-gone", uri));
	}

	private ObjectNode record(String text) throws ConnectorException {
		ObjectNode record = XrpcClient.JSON.createObjectNode();
		record.put("$type", POST);
		record.put("text", text);
		record.put("createdAt", clock.instant().toString());
		List<Facets.Facet> facets = Facets.detect(text, this::resolveHandle);
		if (!facets.isEmpty()) {
			ArrayNode array = record.putArray("facets");
			for (Facets.Facet facet : facets) {
				ObjectNode f = array.addObject();
				f.putObject("index").put("byteStart", facet.byteStart()).put("byteEnd", facet.byteEnd());
				ObjectNode feature = f.putArray("features").addObject();
				switch (facet.kind()) {
					case MENTION -> feature.put("$type", "app.bsky.richtext.facet#mention").put("did", facet.value());
					case LINK -> feature.put("$type", "app.bsky.richtext.facet#link").put("uri", facet.value());
					case TAG -> feature.put("$type", "app.bsky.richtext.facet#tag").put("tag", facet.value());
				}
			}
		}
		return record;
	}

	private Optional<String> resolveHandle(String handle) throws ConnectorException {
		try {
			JsonNode resolved = session.call(token -> xrpc.query("com.atproto.identity.resolveHandle",
					Map.of("handle", handle), token, Map.of()));
			String did = resolved.path("did").asString("");
			return did.isEmpty() ? Optional.empty() : Optional.of(did);
		}
		catch (ConnectorException.Rejected unknown) {
			return Optional.empty();
		}
	}

	private String create(String collection, ObjectNode record) throws ConnectorException {
		ObjectNode body = XrpcClient.JSON.createObjectNode();
		body.put("repo", session.did());
		body.put("collection", collection);
		body.set("record", record);
		JsonNode created = session.call(token -> xrpc.procedure("com.atproto.repo.createRecord", body, token, Map.of()));
		String uri = created.path("uri").asString("");
		if (uri.isEmpty()) {
			throw ConnectorException.unexpected("Bluesky", "Bluesky created a record without saying its URI");
		}
		return uri;
	}

	private static ObjectNode strongRef(JsonNode post) {
		ObjectNode ref = XrpcClient.JSON.createObjectNode();
		ref.put("uri", post.path("uri").asString());
		ref.put("cid", post.path("cid").asString());
		return ref;
	}
}
