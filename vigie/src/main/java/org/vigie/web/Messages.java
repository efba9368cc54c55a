package org.vigie.web;

import java.text.MessageFormat;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

/** Translations for one request: French first, English second. A missing key shows as itself, so that a plain message passes through. */
public final class Messages {

	private final MessageSource source;

	private final Locale locale;

	public Messages(MessageSource source, Locale locale) {
		this.source = source;
		this.locale = locale;
	}

	/** The text of {@code key} with {@code args} substituted ({0}, {1}, … in MessageFormat style). */
	public String t(String key, Object... args) {
		try {
			return source.getMessage(key, args, locale);
		}
		catch (NoSuchMessageException e) {
			return args.length == 0 ? key : MessageFormat.format(key, args);
		}
	}

	public Locale locale() {
		return locale;
	}
}
