package org.vigie.ingest;

import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.vigie.VigieApplication;
import org.vigie.accounts.Accounts;
import org.vigie.accounts.NewAccount;
import org.vigie.accounts.SocialAccount;
import org.vigie.connectors.Feed;
import org.vigie.shared.Network;

/**
 * The process {@link IngestCrashIT} kills: Vigie's application context on an SQLite file, running
 * real ingestion of one X account's mentions against the simulator of the test's own process, until
 * it is caught up. With a crash point it stops dead, announcing {@code CRASH-POINT} on its output,
 * at that point of a page and waits there to be killed:
 * <ul>
 * <li>{@code stage:k} when the k-th item runs through the stages (the page read, nothing written);
 * <li>{@code insert:k} before the k-th row of {@code items} is written (a transaction half written);
 * <li>{@code commit:k} at the commit of the transaction that wrote the k-th row (rows and cursor
 * written, not committed).
 * </ul>
 * Each item announced as new ({@link ItemsIngested}) is printed {@code PUBLISHED <external id>}.
 * Arguments: data folder, simulator base URL, handle, user id, access token, refresh token, token
 * expiry (epoch ms), crash point or {@code none}.
 */
public final class IngestCrashChild {

	static final String CRASH_POINT = "CRASH-POINT";

	static final String PUBLISHED = "PUBLISHED ";

	static final String DONE = "DONE ";

	static final String READY = "READY ";

	private static volatile String mode = "none";

	private static volatile int at = -1;

	private static final AtomicInteger staged = new AtomicInteger();

	private static final AtomicInteger inserted = new AtomicInteger();

	private static final AtomicBoolean commitArmed = new AtomicBoolean();

	private IngestCrashChild() {
	}

	public static void main(String[] args) {
		String[] point = args[7].split(":");
		mode = point[0];
		at = point.length > 1 ? Integer.parseInt(point[1]) : -1;
		ConfigurableApplicationContext context = new SpringApplicationBuilder(VigieApplication.class, Hooks.class)
			.profiles("it")
			.web(WebApplicationType.NONE)
			.run( "--vigie.storage.data-dir=" + args[0], "--spring.main.lazy-initialization=true",
					"--logging.level.root=WARN", "--spring.main.banner-mode=off", "--spring.jmx.enabled=false",
					"--spring.main.log-startup-info=false");
		System.out.println(READY + ManagementFactory.getRuntimeMXBean().getUptime());
		Accounts accounts = context.getBean(Accounts.class);
		String handle = args[2];
		SocialAccount account = accounts.find(Network.X, handle)
			.orElseGet(() -> accounts.connect(new NewAccount(null, Network.X, handle, args[3], handle, args[1],
					Map.of("access_token", args[4], "refresh_token", args[5]), Instant.ofEpochMilli(Long.parseLong(args[6])))));
		Ingestion.PollOutcome outcome = context.getBean(Ingestion.class).drain(account.id(), Feed.of(Feed.Kind.MENTIONS), 50);
		System.out.println(DONE + outcome);
		System.out.flush();
		context.close();
		System.exit(outcome == Ingestion.PollOutcome.CAUGHT_UP ? 0 : 3);
	}

	/** Announces the crash point and waits to be killed. */
	static void crash(String where) {
		System.out.println(CRASH_POINT + " " + where);
		System.out.flush();
		try {
			new CountDownLatch(1).await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		throw new IllegalStateException("not killed");
	}

	/**
	 * The crash points and the announcements, registered only in the child's application: not a
	 * {@code @Configuration}, so that component scanning in other tests never picks it up.
	 */
	static class Hooks {

		@Bean
		ItemStage crashingStage() {
			return new ItemStage() {

				@Override
				public int order() {
					return 1_000;
				}

				@Override
				public String name() {
					return "crash-point";
				}

				@Override
				public IncomingItem apply(IncomingItem item) {
					if (mode.equals("stage") && staged.incrementAndGet() == at) {
						crash("stage " + at);
					}
					return item;
				}
			};
		}

		@Bean
		static BeanPostProcessor crashingDataSource() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof DataSource dataSource)) {
						return bean;
					}
					return Proxy.newProxyInstance(IngestCrashChild.class.getClassLoader(), new Class<?>[] { DataSource.class },
							(proxy, method, args) -> {
								Object result = invoke(dataSource, method, args);
								return result instanceof Connection c && method.getName().equals("getConnection")
										? Proxy.newProxyInstance(IngestCrashChild.class.getClassLoader(),
												new Class<?>[] { Connection.class }, connection(c))
										: result;
							});
				}
			};
		}

		@EventListener
		void published(ItemsIngested event) {
			StringBuilder out = new StringBuilder();
			event.items().forEach(i -> out.append(PUBLISHED).append(i.externalId()).append('\n'));
			System.out.print(out);
			System.out.flush();
		}
	}

	private static InvocationHandler connection(Connection c) {
		return (proxy, method, args) -> {
			if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql
					&& sql.strip().toUpperCase(Locale.ROOT).startsWith("INSERT INTO ITEMS ")) {
				int n = inserted.incrementAndGet();
				if (mode.equals("insert") && n == at) {
					crash("insert " + at);
				}
				if (mode.equals("commit") && n == at) {
					commitArmed.set(true);
				}
			}
			if (method.getName().equals("commit") && commitArmed.get()) {
				crash("commit after row " + at);
			}
			return invoke(c, method, args);
		};
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}
}
