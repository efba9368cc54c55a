package org.vigie.trends;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How one show's trends become alerts.
 *
 * @param threshold a trend alerts once its score reaches this (standard deviations)
 * @param cooldown after an alert, new trends of the same kind within this time update it instead
 *        of raising another
 * @param quietStart with {@code quietEnd}, hours without e-mail or webhook (the app still shows
 *        alerts); null for none. May wrap midnight (22:00–07:00)
 * @param emails who receives alert e-mails; empty for none
 * @param webhookUrl a Slack- or Mattermost-compatible incoming webhook; null for none
 * @param webhookLanguage the language of the webhook's messages, {@code fr} or {@code en} (e-mails
 *        and the app speak each recipient's language)
 */
public record AlertRule(String show, boolean enabled, double threshold, Duration cooldown,
		@Nullable LocalTime quietStart, @Nullable LocalTime quietEnd, List<String> emails,
		@Nullable String webhookUrl, String webhookLanguage) {

	public AlertRule {
		Objects.requireNonNull(show, "show");
		Objects.requireNonNull(cooldown, "cooldown");
		emails = List.copyOf(emails);
		if (!(threshold > 0) || threshold > 50) {
			throw new IllegalArgumentException("trends.rule.threshold-invalid");
		}
		if (cooldown.isNegative() || cooldown.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException("trends.rule.cooldown-invalid");
		}
		if ((quietStart == null) != (quietEnd == null)) {
			throw new IllegalArgumentException("trends.rule.quiet-invalid");
		}
		for (String e : emails) {
			if (!e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
				throw new IllegalArgumentException("trends.rule.email-invalid");
			}
		}
		if (webhookUrl != null && !webhookUrl.matches("https?://\\S+")) {
			throw new IllegalArgumentException("trends.rule.webhook-invalid");
		}
		if (!"fr".equals(webhookLanguage) && !"en".equals(webhookLanguage)) {
			throw new IllegalArgumentException("trends.rule.language-invalid");
		}
	}

	/** The rule of a show nobody configured. */
	public static AlertRule defaults(String show, double threshold, Duration cooldown) {
		return new AlertRule(show, true, threshold, cooldown, null, null, List.of(), null, "fr");
	}

	/** The language of the webhook's messages. */
	public Locale webhookLocale() {
		return Locale.forLanguageTag(webhookLanguage);
	}

	/** True if {@code time} (in the audience's zone) falls in the quiet hours. */
	public boolean quietAt(LocalTime time) {
		if (quietStart == null || quietEnd == null) {
			return false;
		}
		if (quietStart.isBefore(quietEnd)) {
			return !time.isBefore(quietStart) && time.isBefore(quietEnd);
		}
		return !time.isBefore(quietStart) || time.isBefore(quietEnd);
	}
}
