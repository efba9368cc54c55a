package org.vigie.trends;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.vigie.workspace.Team;
import org.vigie.workspace.User;

/**
 * Alerts by e-mail over SMTP ({@code spring.mail.*}). Plain text, so no untrusted content can
 * become markup. Each recipient reads the alert in their language: a Vigie user's own choice,
 * French for an address that is not a user; one e-mail per language. Without a configured SMTP
 * server the channel records {@code skipped}.
 */
@Component
@Order(2)
class EmailAlerts implements AlertChannel {

	private final ObjectProvider<JavaMailSender> mail;

	private final TrendsSettings settings;

	private final Team team;

	EmailAlerts(ObjectProvider<JavaMailSender> mail, TrendsSettings settings, Team team) {
		this.mail = mail;
		this.settings = settings;
		this.team = team;
	}

	@Override
	public String name() {
		return "email";
	}

	@Override
	public boolean sendsUpdates() {
		return false;
	}

	@Override
	public boolean respectsQuietHours() {
		return true;
	}

	@Override
	public String deliver(Function<Locale, AlertMessage> message, AlertRule rule, String what)
			throws AlertDeliveryException {
		JavaMailSender sender = mail.getIfAvailable();
		if (rule.emails().isEmpty() || sender == null) {
			return "skipped";
		}
		Map<Locale, List<String>> byLanguage = new LinkedHashMap<>();
		for (String address : rule.emails()) {
			byLanguage.computeIfAbsent(language(address), k -> new ArrayList<>()).add(address);
		}
		for (Map.Entry<Locale, List<String>> group : byLanguage.entrySet()) {
			AlertMessage text = message.apply(group.getKey());
			SimpleMailMessage mailMessage = new SimpleMailMessage();
			mailMessage.setFrom(settings.mailFrom());
			mailMessage.setTo(group.getValue().toArray(String[]::new));
			mailMessage.setSubject(("updated".equals(what) ? "↑ " : "") + text.subject());
			mailMessage.setText(text.body());
			try {
				sender.send(mailMessage);
			}
			catch (MailException e) {
				throw new AlertDeliveryException("SMTP: " + e.getMessage(), e);
			}
		}
		return "sent";
	}

	/** The language a recipient reads: their own if they are a Vigie user, else French. */
	private Locale language(String address) {
		return team.findByEmail(address).map(User::locale).map(Locale::forLanguageTag).orElse(Locale.FRENCH);
	}
}
