package org.vigie.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest (network tokens, webhook secrets) with AES-256-GCM. Each value gets a
 * fresh 96-bit nonce; the stored form is {@code v1:} + base64(nonce ‖ ciphertext ‖ tag). The
 * optional associated data binds a ciphertext to its row, so a value copied to another account
 * does not decrypt. Thread-safe.
 */
public final class SecretBox {

	private static final String PREFIX = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	SecretBox(byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException("The secret key must be 32 bytes (256 bits), was " + key.length);
		}
		this.key = new SecretKeySpec(key, "AES");
	}

	/**
	 * Loads the key from {@code configured} (base64 of 32 bytes, e.g. {@code VIGIE_SECRET_KEY}) or,
	 * when that is blank, from {@code keyFile}, creating the file with mode 0600 and a random key on
	 * first use.
	 * @throws IllegalArgumentException if the configured key is not base64 of 32 bytes
	 */
	public static SecretBox load(String configured, Path keyFile) {
		if (configured != null && !configured.isBlank()) {
			try {
				return new SecretBox(Base64.getDecoder().decode(configured.trim()));
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException(
						"VIGIE_SECRET_KEY must be the base64 form of 32 random bytes (openssl rand -base64 32)", e);
			}
		}
		return new SecretBox(readOrCreateKeyFile(keyFile));
	}

	/** Encrypts {@code plaintext}, bound to {@code context} (e.g. the row id; may be empty). */
	public String seal(String plaintext, String context) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[NONCE_BYTES + sealed.length];
			System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
			System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is not available in this JVM", e);
		}
	}

	/**
	 * Decrypts a value made by {@link #seal}.
	 * @throws IllegalArgumentException if the value is malformed, was sealed with another key or for another context
	 */
	public String open(String sealed, String context) {
		if (!sealed.startsWith(PREFIX)) {
			throw new IllegalArgumentException("Not a sealed secret");
		}
		try {
			byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
			if (in.length <= NONCE_BYTES) {
				throw new IllegalArgumentException("Sealed secret too short");
			}
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException e) {
			throw new IllegalArgumentException("Secret does not decrypt: wrong key or tampered value", e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is not available in this JVM", e);
		}
	}

	private static byte[] readOrCreateKeyFile(Path keyFile) {
		try {
			if (!Files.exists(keyFile)) {
				Files.createDirectories(keyFile.toAbsolutePath().getParent());
				byte[] key = new byte[32];
				new SecureRandom().nextBytes(key);
				try {
					Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
					Files.writeString(keyFile, Base64.getEncoder().encodeToString(key));
					return key;
				}
				catch (FileAlreadyExistsException raced) {
					// Another process created it first: read theirs.
				}
			}
			return Base64.getDecoder().decode(Files.readString(keyFile).trim());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read or create the key file " + keyFile.toAbsolutePath(), e);
		}
	}
}
