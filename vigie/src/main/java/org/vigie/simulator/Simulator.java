package org.vigie.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.vigie.shared.Network;

/**
 * The network simulator: the world (users and posts), the fakes that serve it under
 * {@code /sim/<network>/} on Vigie's own port, the fault injection, the simulated authorisation
 * servers, and the fan-activity generator driven by the injected clock. Tests use it to set up
 * ground truth and failures; the demo workspace points its accounts at it. Thread-safe.
 */
@Service
public class Simulator {

	private static final Logger log = LoggerFactory.getLogger(Simulator.class);

	private final SimWorld world = new SimWorld();

	private final Faults faults = new Faults();

	private final SimAuth auth = new SimAuth();

	private final RateWindows windows = new RateWindows();

	private final Map<Network, NetworkFake> fakes = new EnumMap<>(Network.class);

	private final SimulatorSettings settings;

	private final Clock clock;

	private FanActivity activity;

	private volatile int port = 8080;

	private volatile boolean active;

	Simulator(SimulatorSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/** Mounts a fake (the fakes depend on the simulator, so they are registered after it is built). */
	synchronized void register(NetworkFake fake) {
		fakes.put(fake.network(), fake);
		activity = null;
	}

	/** The generator, made on first use once every fake is registered; casts the users of every network. */
	private synchronized FanActivity activity() {
		if (activity == null) {
			List<Network> networks = fakes.keySet().stream().sorted(Comparator.naturalOrder()).toList();
			Instant now = clock.instant();
			activity = new FanActivity(world, networks.isEmpty() ? List.of(Network.X) : networks, settings.seed(),
					settings.perMinute(), now.minus(settings.history()), now);
			activity.cast();
		}
		return activity;
	}

	public SimWorld world() {
		return world;
	}

	public Faults faults() {
		return faults;
	}

	public SimAuth auth() {
		return auth;
	}

	public RateWindows windows() {
		return windows;
	}

	public Clock clock() {
		return clock;
	}

	/** The networks that have a fake. */
	public synchronized List<Network> networks() {
		return fakes.keySet().stream().sorted().toList();
	}

	/** The base URL of a network's fake on loopback, e.g. {@code http://127.0.0.1:8080/sim/x}. */
	public String baseUrl(Network network) {
		return "http://127.0.0.1:" + port + "/sim/" + network.id();
	}

	/** Vigie's own address on loopback, e.g. {@code http://127.0.0.1:8080} (where the simulator pushes webhooks). */
	public String vigieUrl() {
		return "http://127.0.0.1:" + port;
	}

	/** True once the demo workspace has turned the generator on. */
	public boolean active() {
		return active;
	}

	/** The account of a demo show on a network (created at start for every network with a fake). */
	public Optional<SimUser> showAccount(Network network, SimShow show) {
		activity();
		return world.userByHandle(network, FanActivity.handle(network, show.handle()));
	}

	/** Writes the fan activity up to {@code now} (the generator calls this as the clock moves). */
	public synchronized void advanceTo(Instant now) {
		activity().advanceTo(now);
	}

	@Scheduled(fixedDelayString = "${vigie.simulator.tick:5s}", initialDelayString = "${vigie.simulator.tick:5s}")
	void generate() {
		if (settings.generatorEnabled() && active) {
			advanceTo(clock.instant());
		}
	}

	/** The moments planted in the fan activity (the demo's uproar and live announcement). */
	synchronized List<FanActivity.Moment> moments() {
		return activity().moments();
	}

	/** Starts writing fan activity as time passes (the demo workspace turns it on). */
	public void activate() {
		active = true;
	}

	/** The fakes, by network, for the demo workspace. */
	synchronized Map<Network, NetworkFake> fakes() {
		return Map.copyOf(fakes);
	}

	@EventListener
	void on(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() == null) {
			port = event.getWebServer().getPort();
			log.debug("Simulator served at http://127.0.0.1:{}/sim/", port);
		}
	}

	/** Serves a request: a pending fault if any, else the fake's answer; 404 for a network without a fake. */
	SimResponse dispatch(Network network, SimRequest request) {
		NetworkFake fake;
		synchronized (this) {
			fake = fakes.get(network);
		}
		if (fake == null) {
			return SimResponse.json(404, "{\"error\":\"No simulator for " + network.id() + "\"}");
		}
		Optional<Faults.Fault> fault = faults.take(network);
		if (fault.isPresent()) {
			Faults.Fault f = fault.get();
			if (f instanceof Faults.TooManyRequests t) {
				return fake.error(429, "Too Many Requests").with(fake.rateLimitHeaders(300, 0, request.now().plus(t.after())));
			}
			if (f instanceof Faults.ServerError e) {
				return fake.error(e.status(), "Service Unavailable");
			}
			return fake.error(401, "Unauthorized");
		}
		return fake.handle(request);
	}
}
