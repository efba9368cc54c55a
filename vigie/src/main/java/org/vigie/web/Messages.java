package org.vigie.web;

import java.text.MessageFormat;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.vigie.shared.Reason;

/**
 * Translations for one request: French first, English second. A missing key shows as itself, so
 * that a plain message passes through; a stored {@link Reason} ({@link Reason#encode()}) given as
 * the key is translated with its arguments.
 */
public final class Messages {

	private final MessageSource source;

	private final Locale locale;

	public Messages(MessageSource source, Locale locale) {
		this.source = source;
		this.locale = locale;
	}

	/** The language of the API: English unless the client's {@code Accept-Language} asks for another. */
	public static Messages forApi(MessageSource source, HttpServletRequest request) {
		return new Messages(source, request.getHeader("Accept-Language") == null ? Locale.ENGLISH : request.getLocale());
	}

	/**
	 * The text of {@code key} with {@code args} substituted ({0}, {1}, … in MessageFormat style); an
	 * argument that is a {@link Reason} is translated first. Without arguments, {@code key} may be an
	 * encoded reason.
	 */
	public String t(String key, Object... args) {
		if (args.length == 0) {
			Reason reason = Reason.decode(key);
			if (!reason.plain()) {
				return t(reason);
			}
		}
		for (int i = 0; i < args.length; i++) {
			if (args[i] instanceof Reason nested) {
				args = args.clone();
				args[i] = t(nested);
			}
		}
		try {
			return source.getMessage(key, args, locale);
		}
		catch (NoSuchMessageException e) {
			return args.length == 0 ? key : MessageFormat.format(key, args);
		}
	}

	/** A reason in words: plain words as they are, a keyed one translated with its (translated) arguments. */
	public String t(Reason reason) {
		if (reason.plain()) {
			return (String) reason.args().get(0);
		}
		Object[] args = reason.args().stream().map(a -> a instanceof Reason nested ? t(nested) : a).toArray();
		return t(reason.key(), args.length == 0 ? new Object[0] : args);
	}

	/** {@link #t(Reason)} of a column holding an {@link Reason#encode() encoded} reason or plain words; null stays null. */
	public @Nullable String reason(@Nullable String stored) {
		return stored == null ? null : t(Reason.decode(stored));
	}

	public Locale locale() {
		return locale;
	}
}
