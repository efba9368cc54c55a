package org.vigie.connectors;

import java.util.List;

import org.vigie.shared.Network;

/**
 * Reads the deliveries a network pushes to Vigie's webhook (Facebook and Instagram change
 * notifications, X Account Activity events) into items, so that they flow through the same
 * pipeline as polled ones. Only ever given a delivery whose signature was verified. Pure and
 * thread-safe: one bean per network that pushes.
 */
public interface PushReader {

	Network network();

	/**
	 * The events of one delivery, in delivery order. Events Vigie does not keep (reactions,
	 * removals, subscription checks) are left out.
	 * @throws IllegalArgumentException if the body is not a delivery of this network
	 */
	List<PushedEvent> read(String body);
}
