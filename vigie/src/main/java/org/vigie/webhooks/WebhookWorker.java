package org.vigie.webhooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import org.vigie.accounts.AccountStatus;
import org.vigie.accounts.Accounts;
import org.vigie.accounts.SocialAccount;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.Feed;
import org.vigie.connectors.PushReader;
import org.vigie.connectors.PushedEvent;
import org.vigie.connectors.RemoteItem;
import org.vigie.connectors.SocialConnector;
import org.vigie.ingest.ConnectorRuntime;
import org.vigie.ingest.Ingestion;
import org.vigie.shared.Network;

/**
 * Reads the queued deliveries with their network's {@link PushReader} and feeds the items to
 * {@link Ingestion#push}, grouped per account and feed; events that carry only ids are looked up
 * through the account's connector. A delivery that fails is retried a few times, then kept as
 * failed with its error; an event for an account Vigie does not have is skipped.
 */
@Service
public class WebhookWorker {

	private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);

	private static final int MAX_ATTEMPTS = 5;

	private final Deliveries deliveries;

	private final Map<Network, PushReader> readers;

	private final Accounts accounts;

	private final Ingestion ingestion;

	private final ConnectorRuntime connectors;

	private final WebhookSettings settings;

	WebhookWorker(Deliveries deliveries, List<PushReader> readers, Accounts accounts, Ingestion ingestion,
			ConnectorRuntime connectors, WebhookSettings settings) {
		this.deliveries = deliveries;
		this.readers = readers.stream().collect(Collectors.toMap(PushReader::network, Function.identity()));
		this.accounts = accounts;
		this.ingestion = ingestion;
		this.connectors = connectors;
		this.settings = settings;
	}

	@Scheduled(fixedDelayString = "${vigie.webhooks.drain-every:2s}", initialDelayString = "${vigie.webhooks.drain-every:2s}")
	void scheduled() {
		drain();
		deliveries.prune(settings.maxAge().multipliedBy(2));
	}

	/**
	 * Processes the queued deliveries.
	 * @return how many items were newly stored
	 */
	public int drain() {
		int stored = 0;
		for (Deliveries.Pending d : deliveries.pending(50)) {
			try {
				int[] counts = process(d);
				deliveries.done(d.id(), counts[0]);
				stored += counts[1];
			}
			catch (RuntimeException e) {
				log.warn("Webhook delivery {} from {} failed (attempt {}): {}", d.id(), d.network().label(), d.attempts() + 1,
						e.getMessage());
				deliveries.failed(d.id(), String.valueOf(e.getMessage()), d.attempts() + 1, MAX_ATTEMPTS);
			}
		}
		return stored;
	}

	/** Returns {events, new items}. */
	private int[] process(Deliveries.Pending d) {
		PushReader reader = readers.get(d.network());
		if (reader == null) {
			throw new IllegalStateException("No reader for " + d.network().label() + " deliveries");
		}
		List<PushedEvent> events = reader.read(d.body());
		Map<String, List<RemoteItem>> byTarget = new LinkedHashMap<>();
		Map<String, SocialAccount> targets = new LinkedHashMap<>();
		for (PushedEvent event : events) {
			Optional<SocialAccount> account = accounts.findByExternalId(d.network(), event.accountExternalId())
				.filter(a -> a.status() == AccountStatus.CONNECTED);
			if (account.isEmpty()) {
				log.debug("{} webhook event for an account Vigie does not poll: {}", d.network().label(), event.accountExternalId());
				continue;
			}
			Optional<RemoteItem> item = event.item() != null ? Optional.of(event.item()) : lookup(account.get(), event);
			if (item.isPresent()) {
				String key = account.get().id() + "/" + event.feed().name();
				targets.putIfAbsent(key, account.get());
				byTarget.computeIfAbsent(key, k -> new ArrayList<>()).add(item.get());
			}
		}
		int fresh = 0;
		for (Map.Entry<String, List<RemoteItem>> e : byTarget.entrySet()) {
			SocialAccount account = targets.get(e.getKey());
			Feed.Kind kind = Feed.Kind.valueOf(e.getKey().substring(e.getKey().indexOf('/') + 1));
			fresh += ingestion.push(account.id(), Feed.of(kind), e.getValue());
		}
		return new int[] { events.size(), fresh };
	}

	private Optional<RemoteItem> lookup(SocialAccount account, PushedEvent event) {
		Optional<SocialConnector> connector = connectors.open(account.id());
		if (connector.isEmpty() || event.reference() == null) {
			return Optional.empty();
		}
		try {
			return connector.get().lookup(event.reference());
		}
		catch (ConnectorException e) {
			// Polling will read it later; a webhook is never the only way in.
			log.info("Could not look up {} {} pushed by webhook: {}", account.network().label(), event.reference(), e.getMessage());
			return Optional.empty();
		}
	}
}
