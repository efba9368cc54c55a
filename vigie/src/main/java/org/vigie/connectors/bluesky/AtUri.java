package org.vigie.connectors.bluesky;

/**
 * An {@code at://<did>/<collection>/<rkey>} record URI.
 */
record AtUri(String repo, String collection, String rkey) {

	static AtUri parse(String uri) {
		if (!uri.startsWith("at://")) {
			throw new IllegalArgumentException("Not an at:// URI: " + uri);
		}
		String[] parts = uri.substring("at://".length()).split("/");
		if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
			throw new IllegalArgumentException("Not a record URI (at://repo/collection/rkey): " + uri);
		}
		return new AtUri(parts[0], parts[1], parts[2]);
	}

	@Override
	public String toString() {
		return "at://" + repo + "/" + collection + "/" + rkey;
	}
}
