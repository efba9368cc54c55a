package org.vigie.trends;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP server that receives an integration test class's alert mails: one per class, on a free
 * port (a fixed one collides with another run of the suite on the same machine).
 */
final class TestMail {

	private TestMail() {
	}

	/** A server on a free loopback port, kept for the whole class; register it with {@code @RegisterExtension}. */
	static GreenMailExtension server() {
		return new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
			.withPerMethodLifecycle(false);
	}

	/** Tells the application the server's port, once it is started. */
	static void port(DynamicPropertyRegistry registry, GreenMailExtension smtp) {
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}
}
