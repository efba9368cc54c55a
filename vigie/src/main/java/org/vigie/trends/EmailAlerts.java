package org.vigie.trends;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Alerts by e-mail over SMTP ({@code spring.mail.*}). Plain text, so no untrusted content can
 * become markup. Without a configured SMTP server the channel records {@code skipped}.
 */
@Component
@Order(2)
class EmailAlerts implements AlertChannel {

	private final ObjectProvider<JavaMailSender> mail;

	private final TrendsSettings settings;

	EmailAlerts(ObjectProvider<JavaMailSender> mail, TrendsSettings settings) {
		this.mail = mail;
		this.settings = settings;
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
	public String deliver(AlertMessage message, AlertRule rule, String what) throws AlertDeliveryException {
		JavaMailSender sender = mail.getIfAvailable();
		if (rule.emails().isEmpty() || sender == null) {
			return "skipped";
		}
		SimpleMailMessage mailMessage = new SimpleMailMessage();
		mailMessage.setFrom(settings.mailFrom());
		mailMessage.setTo(rule.emails().toArray(String[]::new));
		mailMessage.setSubject(("updated".equals(what) ? "↑ " : "") + message.subject());
		mailMessage.setText(message.body());
		try {
			sender.send(mailMessage);
			return "sent";
		}
		catch (MailException e) {
			throw new AlertDeliveryException("SMTP: " + e.getMessage(), e);
		}
	}
}
