package org.vigie.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who has which item open, and who is answering it, per browser tab: the ground of the collision
 * warning. In memory: presence is live information, lost harmlessly on restart. Thread-safe.
 */
@Component
public class Presence {

	private final Map<String, Entry> tabs = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Duration timeout;

	Presence(Clock clock, InboxSettings settings) {
		this.clock = clock;
		this.timeout = settings.presenceTimeout();
	}

	/**
	 * Records that a tab shows {@code itemId} (null: none) in {@code state}.
	 * @return the items whose viewers changed (the old and the new one), to notify
	 */
	public Set<String> update(String tab, String userId, String userName, @Nullable String itemId, State state) {
		Entry before = tabs.get(tab);
		Set<String> changed = new HashSet<>();
		if (itemId == null) {
			tabs.remove(tab);
		}
		else {
			tabs.put(tab, new Entry(tab, userId, userName, itemId, state, clock.instant()));
			if (before == null || !before.itemId().equals(itemId) || before.state() != state) {
				changed.add(itemId);
			}
		}
		if (before != null && !Objects.equals(before.itemId(), itemId)) {
			changed.add(before.itemId());
		}
		return changed;
	}

	/** Forgets a tab (closed); returns the item it had open, if any. */
	public Set<String> leave(String tab) {
		Entry before = tabs.remove(tab);
		return before == null ? Set.of() : Set.of(before.itemId());
	}

	/** Forgets tabs silent for longer than the timeout; returns the items concerned. */
	public Set<String> expire() {
		Instant limit = clock.instant().minus(timeout);
		Set<String> changed = new HashSet<>();
		tabs.values().removeIf(e -> {
			if (e.seen().isBefore(limit)) {
				changed.add(e.itemId());
				return true;
			}
			return false;
		});
		return changed;
	}

	/** The other people on an item (not {@code userId}, whatever their tabs), those answering first. */
	public List<Entry> others(String itemId, String userId) {
		Map<String, Entry> byUser = new HashMap<>();
		for (Entry e : tabs.values()) {
			if (e.itemId().equals(itemId) && !e.userId().equals(userId)) {
				byUser.merge(e.userId(), e, (a, b) -> a.state() == State.REPLYING ? a : b);
			}
		}
		return byUser.values().stream()
			.sorted(Comparator.comparing((Entry e) -> e.state() != State.REPLYING).thenComparing(Entry::userName))
			.toList();
	}

	/** The item a tab shows, if any. */
	public @Nullable String itemOf(String tab) {
		Entry e = tabs.get(tab);
		return e == null ? null : e.itemId();
	}

	/** What someone does with an item. */
	public enum State {
		VIEWING, REPLYING
	}

	/** One tab on one item. */
	public record Entry(String tab, String userId, String userName, String itemId, State state, Instant seen) {
	}
}
