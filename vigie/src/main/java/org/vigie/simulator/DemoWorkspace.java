package org.vigie.simulator;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.vigie.accounts.Accounts;
import org.vigie.accounts.NewAccount;
import org.vigie.connectors.ConnectorFactory;
import org.vigie.connectors.ConnectorSettings;
import org.vigie.listen.ListeningQueries;
import org.vigie.schedule.Schedules;
import org.vigie.shared.Network;
import org.vigie.shared.UserId;
import org.vigie.simulator.meta.MetaWebhooks;
import org.vigie.webhooks.WebhookIntake;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Role;
import org.vigie.workspace.Show;
import org.vigie.workspace.Shows;

/**
 * The demo workspace: with {@code VIGIE_DEMO=true}, or with no real network credentials
 * configured and {@code VIGIE_DEMO} unset, creates the six demo shows and connects, for each
 * network that has a fake and a connector, each show's account to the simulator on loopback, so
 * that the real connectors poll it over HTTP. Fresh tokens are issued at every start (the
 * simulator forgets its tokens when Vigie stops). It also imports the demo channel's TV guide (the
 * shows' airings over the simulated history and the next weeks) and links each show to its title,
 * so that the trends compare an airing with the show's past airings. {@code VIGIE_DEMO=false} turns
 * it off.
 */
@Component
class DemoWorkspace {

	private static final Logger log = LoggerFactory.getLogger(DemoWorkspace.class);

	private static final Actor SYSTEM = new Actor(new UserId(new UUID(0, 0)), "demo@vigie.local", Role.ADMIN,
			Set.of());

	private final SimulatorSettings settings;

	private final ConnectorSettings connectors;

	private final Simulator simulator;

	private final Shows shows;

	private final Accounts accounts;

	private final List<ConnectorFactory> factories;

	private final ObjectProvider<ListeningQueries> listening;

	private final WebhookIntake webhooks;

	private final MetaWebhooks metaWebhooks;

	private final Schedules schedules;

	DemoWorkspace(SimulatorSettings settings, ConnectorSettings connectors, Simulator simulator, Shows shows,
			ObjectProvider<ListeningQueries> listening,
			Accounts accounts, List<ConnectorFactory> factories, WebhookIntake webhooks,
			MetaWebhooks metaWebhooks, Schedules schedules) {
		this.schedules = schedules;
		this.webhooks = webhooks;
		this.metaWebhooks = metaWebhooks;
		this.settings = settings;
		this.connectors = connectors;
		this.simulator = simulator;
		this.shows = shows;
		this.listening = listening;
		this.accounts = accounts;
		this.factories = factories;
	}

	/** True when the demo should run: forced on, or automatic without real credentials. */
	boolean enabled() {
		return switch (settings.demo()) {
			case "true" -> true;
			case "false" -> false;
			default -> !connectors.hasRealCredentials();
		};
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!enabled()) {
			return;
		}
		simulator.activate();
		Set<Network> connectable = factories.stream().map(ConnectorFactory::network).collect(Collectors.toSet());
		int connected = 0;
		boolean guide = false;
		for (SimShow demo : DemoCast.SHOWS) {
			Show show = shows.findBySlug(demo.slug()).orElseGet(() -> shows.create(SYSTEM, demo.name()));
			if (schedules.titles(show.id()).isEmpty()) {
				if (!guide) {
					importGuide();
					guide = true;
				}
				schedules.link(SYSTEM, show.id(), demo.name());
			}
			// One listening query per show, applying to the whole simulated history: its hashtag or its name.
			listening.ifAvailable(l -> l.ensure(show.id(), "#" + demo.hashtag(),
					"#" + demo.hashtag() + " OR \"" + demo.name() + "\"", Instant.EPOCH));
			for (Map.Entry<Network, NetworkFake> fake : simulator.fakes().entrySet()) {
				if (!connectable.contains(fake.getKey())) {
					continue;
				}
				Optional<DemoAccount> account = fake.getValue().demoAccount(demo, simulator.clock().instant());
				if (account.isPresent()) {
					DemoAccount a = account.get();
					accounts.connect(new NewAccount(show.id(), fake.getKey(), a.handle(), a.externalId(), a.displayName(),
							simulator.baseUrl(fake.getKey()), a.secrets(), a.expiresAt()));
					connected++;
				}
			}
		}
		simulator.generate();
		// Push as Meta does: the simulator signs Facebook and Instagram deliveries with its test secret;
		// polling stays the safety net and the same items are stored once.
		metaWebhooks.subscribeDemoShows();
		metaWebhooks.start(webhooks.acceptDemoMetaSecret(MetaWebhooks.TEST_APP_SECRET));
		log.info("Demo workspace: {} shows, {} accounts served by the simulator at {} (VIGIE_DEMO=false turns it off)",
				DemoCast.SHOWS.size(), connected, simulator.baseUrl(Network.X).replace("/x", "/…"));
	}

	/** The demo channel's guide from the start of the simulated history to eight weeks ahead. */
	private void importGuide() {
		Instant now = simulator.clock().instant();
		String xml = DemoGuide.xmltv(now.minus(settings.history()).minus(Duration.ofDays(1)), now.plus(Duration.ofDays(56)));
		schedules.importGuide(SYSTEM, "Vigie TV (démo)", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}
}
