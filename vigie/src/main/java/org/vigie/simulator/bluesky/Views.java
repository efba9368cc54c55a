package org.vigie.simulator.bluesky;

import java.util.Optional;

import org.vigie.shared.Network;
import org.vigie.simulator.SimPost;
import org.vigie.simulator.SimUser;
import org.vigie.simulator.Simulator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AppView's JSON for the simulated world, shaped as {@code samples-local-peer}: profiles,
 * {@code postView}s, notifications and chat log events. A post marked malformed is served without
 * its author and record, as a broken upstream would.
 */
final class Views {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Simulator sim;

	Views(Simulator sim) {
		this.sim = sim;
	}

	ObjectNode profile(SimUser user) {
		ObjectNode p = JSON.createObjectNode();
		p.put("did", AtIds.did(user.id()));
		p.put("handle", user.handle());
		p.put("displayName", user.name());
		p.putArray("labels");
		if (user.verified()) {
			p.putObject("verification").put("verifiedStatus", "valid");
		}
		return p;
	}

	ObjectNode record(SimPost p) {
		ObjectNode record = JSON.createObjectNode();
		record.put("$type", "app.bsky.feed.post");
		record.put("text", p.text());
		record.putArray("langs").add(p.lang());
		record.put("createdAt", p.createdAt().toString());
		if (p.inReplyToId() != null) {
			ObjectNode reply = record.putObject("reply");
			reply.set("root", ref(p.conversationId()));
			reply.set("parent", ref(p.inReplyToId()));
		}
		return record;
	}

	ObjectNode post(SimPost p) {
		ObjectNode view = JSON.createObjectNode();
		view.put("uri", AtIds.uri(p.author().id(), p.id()));
		view.put("cid", AtIds.cid(p.id()));
		if (!p.malformed()) {
			view.set("author", profile(p.author()));
			view.set("record", record(p));
			view.put("bookmarkCount", 0);
			view.put("replyCount", p.replies());
			view.put("repostCount", p.reposts());
			view.put("likeCount", p.likes());
			view.put("quoteCount", 0);
		}
		view.put("indexedAt", p.createdAt().toString());
		view.putArray("labels");
		return view;
	}

	ObjectNode notification(SimPost p, String reason) {
		ObjectNode n = JSON.createObjectNode();
		n.put("uri", AtIds.uri(p.author().id(), p.id()));
		n.put("cid", AtIds.cid(p.id()));
		if (!p.malformed()) {
			n.set("author", profile(p.author()));
			n.set("record", record(p));
		}
		n.put("reason", reason);
		if (p.inReplyToId() != null) {
			n.put("reasonSubject", ref(p.inReplyToId()).path("uri").asString());
		}
		n.put("isRead", false);
		n.put("indexedAt", p.createdAt().toString());
		n.putArray("labels");
		return n;
	}

	ObjectNode logCreateMessage(SimPost p) {
		SimUser a = p.author();
		SimUser b = p.directTo();
		String convo = "convo-" + Long.toString(Math.min(Long.parseLong(a.id()), Long.parseLong(b.id())), 36) + "-"
				+ Long.toString(Math.max(Long.parseLong(a.id()), Long.parseLong(b.id())), 36);
		ObjectNode log = JSON.createObjectNode();
		log.put("$type", "chat.bsky.convo.defs#logCreateMessage");
		log.put("rev", AtIds.rkey(p.id()));
		log.put("convoId", convo);
		ObjectNode message = log.putObject("message");
		message.put("$type", "chat.bsky.convo.defs#messageView");
		message.put("id", AtIds.rkey(p.id()));
		message.put("rev", AtIds.rkey(p.id()));
		if (!p.malformed()) {
			message.put("text", p.text());
			message.putObject("sender").put("did", AtIds.did(a.id()));
		}
		message.put("sentAt", p.createdAt().toString());
		return log;
	}

	/** A strong reference to a post by id (the post may have been deleted since). */
	ObjectNode ref(String postId) {
		Optional<SimPost> post = sim.world().find(Network.BLUESKY, postId);
		ObjectNode ref = JSON.createObjectNode();
		ref.put("uri", post.map(p -> AtIds.uri(p.author().id(), p.id())).orElse("at://did:plc:deleted/app.bsky.feed.post/"
				+ AtIds.rkey(postId)));
		ref.put("cid", AtIds.cid(postId));
		return ref;
	}
}
