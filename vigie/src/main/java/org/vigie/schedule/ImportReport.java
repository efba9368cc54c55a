package org.vigie.schedule;

/**
 * What one import did.
 *
 * @param programmes distinct programmes in the guide
 * @param duplicates repeated programmes merged (guides repeat those crossing a day boundary)
 * @param channels channels the guide declares
 */
public record ImportReport(String source, int programmes, int duplicates, int channels) {
}
