package org.vigie.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.vigie.shared.Network;

/**
 * Failures the tests (or a person on the simulator page) ask a fake to serve instead of its
 * normal answer, on the next requests to that network, in order. Thread-safe.
 */
public final class Faults {

	/** A failure to serve. */
	public sealed interface Fault {
	}

	/** 429 with the network's rate-limit headers, resetting {@code after} from the simulator's now. */
	public record TooManyRequests(Duration after) implements Fault {
	}

	/** A server error (500, 502, 503…) with the network's error body. */
	public record ServerError(int status) implements Fault {
	}

	/** 401: the token is refused (and so is a refresh, if it is asked during the same fault). */
	public record Unauthorized() implements Fault {
	}

	private final Map<Network, Deque<Fault>> pending = new EnumMap<>(Network.class);

	/** Serves {@code fault} on the next {@code times} requests to {@code network}. */
	public synchronized void inject(Network network, Fault fault, int times) {
		Deque<Fault> queue = pending.computeIfAbsent(network, n -> new ArrayDeque<>());
		for (int i = 0; i < times; i++) {
			queue.addLast(fault);
		}
	}

	public void inject(Network network, Fault fault) {
		inject(network, fault, 1);
	}

	synchronized Optional<Fault> take(Network network) {
		Deque<Fault> queue = pending.get(network);
		return queue == null ? Optional.empty() : Optional.ofNullable(queue.pollFirst());
	}

	/** How many faults are still waiting for {@code network}. */
	public synchronized int pending(Network network) {
		Deque<Fault> queue = pending.get(network);
		return queue == null ? 0 : queue.size();
	}

	public synchronized void clear() {
		pending.clear();
	}
}
