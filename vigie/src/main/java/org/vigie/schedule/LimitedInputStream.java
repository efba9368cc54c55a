package org.vigie.schedule;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Refuses to read past a size, so that a huge or endless guide cannot exhaust memory. */
final class LimitedInputStream extends FilterInputStream {

	private final long max;

	private long read;

	LimitedInputStream(InputStream in, long max) {
		super(in);
		this.max = max;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			count(n);
		}
		return n;
	}

	private void count(long n) throws IOException {
		read += n;
		if (read > max) {
			throw new IOException("Guide larger than " + max / (1024 * 1024) + " MB");
		}
	}
}
