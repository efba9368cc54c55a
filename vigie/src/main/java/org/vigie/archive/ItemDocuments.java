package org.vigie.archive;

import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * Turns an {@link ArchivedItem} into a Lucene document. The matching form holds only the indexed
 * fields a query reads (cheap to build for every incoming item); the archive form adds the stored
 * id and the doc values used to sort and to count.
 */
public final class ItemDocuments {

	/** Doc values of the author's label, for top authors. */
	static final String AUTHOR_LABEL = "author_label";

	/**
	 * Suffix of the doc-values twin of a keyword field: Lucene wants one schema per field name, and
	 * the keyword fields are absent from some documents.
	 */
	static final String DV = "_dv";

	private ItemDocuments() {
	}

	/** The document a listening query is matched against, with every field. Thread-safe; a new document per call. */
	public static Document forMatching(ArchivedItem item) {
		return forMatching(item, null, null);
	}

	/**
	 * The document a listening query is matched against, with only the {@code fields} some query
	 * reads (each text field costs an analysis of the text), and in {@link ItemFields#TEXT_PREFIX}
	 * only the {@code prefixes} some query looks for.
	 * @param fields null for every field
	 * @param prefixes null for every prefix
	 */
	public static Document forMatching(ArchivedItem item, @Nullable Set<String> fields, ItemAnalysis.@Nullable Prefixes prefixes) {
		Document doc = new Document();
		if (reads(fields, ItemFields.TEXT)) {
			doc.add(new TextField(ItemFields.TEXT, item.text(), Field.Store.NO));
		}
		if (reads(fields, ItemFields.TEXT_RAW)) {
			doc.add(new TextField(ItemFields.TEXT_RAW, item.text(), Field.Store.NO));
		}
		if (reads(fields, ItemFields.TEXT_PREFIX)) {
			doc.add(prefixes == null ? new TextField(ItemFields.TEXT_PREFIX, item.text(), Field.Store.NO)
					: new TextField(ItemFields.TEXT_PREFIX, ItemAnalysis.prefixes(item.text(), prefixes)));
		}
		if (reads(fields, ItemFields.LANG)) {
			keyword(doc, ItemFields.LANG, item.lang() == null ? "und" : item.lang());
		}
		if (reads(fields, ItemFields.NETWORK)) {
			keyword(doc, ItemFields.NETWORK, item.network().id());
		}
		if (item.show() != null && reads(fields, ItemFields.SHOW)) {
			keyword(doc, ItemFields.SHOW, item.show().toString());
		}
		if (item.account() != null && reads(fields, ItemFields.ACCOUNT)) {
			keyword(doc, ItemFields.ACCOUNT, item.account().toString());
		}
		if (reads(fields, ItemFields.AUTHOR)) {
			for (String author : normalised(item.authors())) {
				keyword(doc, ItemFields.AUTHOR, author);
			}
		}
		if (reads(fields, ItemFields.HASHTAG)) {
			for (String tag : normalised(item.hashtags())) {
				keyword(doc, ItemFields.HASHTAG, tag);
			}
		}
		if (reads(fields, ItemFields.MENTION)) {
			for (String mention : normalised(item.mentions())) {
				keyword(doc, ItemFields.MENTION, mention);
			}
		}
		if (item.hasLink() && reads(fields, ItemFields.HAS)) {
			keyword(doc, ItemFields.HAS, "link");
		}
		if (item.hasMedia() && reads(fields, ItemFields.HAS)) {
			keyword(doc, ItemFields.HAS, "media");
		}
		if (item.sentiment() != null && reads(fields, ItemFields.SENTIMENT)) {
			keyword(doc, ItemFields.SENTIMENT, item.sentiment());
		}
		if (reads(fields, ItemFields.KIND)) {
			keyword(doc, ItemFields.KIND, item.kind().id());
		}
		if (reads(fields, ItemFields.CREATED_AT)) {
			doc.add(new LongPoint(ItemFields.CREATED_AT, item.createdAt().toEpochMilli()));
		}
		return doc;
	}

	private static boolean reads(@Nullable Set<String> fields, String field) {
		return fields == null || fields.contains(field);
	}

	/** The document stored in the archive. */
	static Document forArchive(ArchivedItem item) {
		Document doc = forMatching(item);
		doc.add(new StringField(ItemFields.ID, item.id().toString(), Field.Store.YES));
		long at = item.createdAt().toEpochMilli();
		doc.add(new NumericDocValuesField(ItemFields.CREATED_AT, at));
		doc.add(new StoredField(ItemFields.CREATED_AT, at));
		doc.add(new SortedDocValuesField(ItemFields.NETWORK + DV, new BytesRef(item.network().id())));
		doc.add(new SortedDocValuesField(ItemFields.SENTIMENT + DV,
				new BytesRef(item.sentiment() == null ? "none" : item.sentiment())));
		doc.add(new SortedDocValuesField(ItemFields.SHOW + DV, new BytesRef(item.show() == null ? "" : item.show().toString())));
		doc.add(new SortedDocValuesField(AUTHOR_LABEL, new BytesRef(truncate(item.authorLabel()))));
		for (String tag : new LinkedHashSet<>(item.hashtags())) {
			doc.add(new SortedSetDocValuesField(ItemFields.HASHTAG + DV, new BytesRef(truncate(tag))));
		}
		return doc;
	}

	private static void keyword(Document doc, String field, String value) {
		doc.add(new StringField(field, value, Field.Store.NO));
	}

	private static Set<String> normalised(Iterable<String> values) {
		Set<String> out = new LinkedHashSet<>();
		for (String v : values) {
			String k = ItemAnalysis.keyword(v.startsWith("@") || v.startsWith("#") ? v.substring(1) : v);
			if (!k.isEmpty()) {
				out.add(k);
			}
		}
		return out;
	}

	private static String truncate(String s) {
		return s.length() > 200 ? s.substring(0, 200) : s;
	}
}
