package org.vigie.connectors.rss;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.vigie.SharedData;

/**
 * The third-party feed suites in {@code ../shared/data} (feedparser's tests, ROME's test feeds): each
 * file with its folder, its simulated HTTP {@code Content-Type}, feedparser's {@code Expect:}
 * expression, and the number of entries it holds, counted independently of ROME.
 */
final class FeedCorpus {

	private static final Pattern EXPECT = Pattern.compile("Expect:\\s*(.+)");

	private static final Pattern CONTENT_TYPE = Pattern.compile("Header:\\s*Content-type:\\s*(.+)", Pattern.CASE_INSENSITIVE);

	private static final Pattern SKIP_UNLESS = Pattern.compile("SkipUnless:\\s*(.+)");

	private FeedCorpus() {
	}

	/**
	 * @param folder relative to the suite, e.g. {@code wellformed/rss}
	 * @param expect feedparser's expectation, empty when the file has none
	 * @param entries {@code item} and {@code entry} elements in the document
	 */
	record Case(String suite, String folder, Path file, byte[] body, String contentType, String expect,
			boolean skipUnless, int entries) {

		/** feedparser expects this document to be flagged as not well-formed ({@code bozo}). */
		boolean expectsBozo() {
			return folder.startsWith("illformed") || expect.matches("^(\\(\\s*)?bozo\\b.*");
		}

		String name() {
			return suite + "/" + folder + "/" + file.getFileName();
		}
	}

	static List<Case> load(String suite) {
		Path root = SharedData.path(suite);
		try (Stream<Path> files = Files.walk(root)) {
			List<Case> cases = new ArrayList<>();
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				String name = file.getFileName().toString();
				if (!name.endsWith(".xml") && !name.endsWith(".json")) {
					continue;
				}
				cases.add(read(suite, root, file));
			}
			return cases;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Case read(String suite, Path root, Path file) throws IOException {
		byte[] body = Files.readAllBytes(file);
		String header = headerText(body);
		String expect = group(EXPECT, header, "");
		String contentType = group(CONTENT_TYPE, header, file.toString().endsWith(".json") ? "application/json" : "text/xml");
		String folder = root.relativize(file.getParent()).toString().replace('\\', '/');
		return new Case(suite, folder.isEmpty() ? "." : folder, file, body, contentType, expect,
				SKIP_UNLESS.matcher(header).find(), countEntries(body));
	}

	/** The header comment is written in the file's own encoding, UTF-16 and UTF-32 included. */
	private static String headerText(byte[] body) {
		for (String cs : List.of("UTF-8", "UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32BE", "UTF-32LE")) {
			String text = new String(body, Charset.forName(cs));
			if (text.contains("Expect:") || text.contains("Description:")) {
				return text;
			}
		}
		return new String(body, StandardCharsets.ISO_8859_1);
	}

	private static String group(Pattern pattern, String text, String otherwise) {
		Matcher m = pattern.matcher(text);
		return m.find() ? m.group(1).strip() : otherwise;
	}

	/** Counts entries with jsoup's forgiving XML parser, independently of ROME. */
	private static int countEntries(byte[] body) {
		String text = headerText(body);
		Document doc = Jsoup.parse(text, "", Parser.xmlParser());
		int n = 0;
		for (Element e : doc.getAllElements()) {
			String local = e.tagName().toLowerCase(Locale.ROOT);
			local = local.substring(local.indexOf(':') + 1);
			if (local.equals("item") || local.equals("entry")) {
				n++;
			}
		}
		return n;
	}
}
