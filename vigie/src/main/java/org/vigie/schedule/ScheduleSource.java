package org.vigie.schedule;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where programmes came from: an uploaded file (no URL) or a URL fetched again every day.
 *
 * @param fetchedAt last successful import; null before the first
 * @param programmes programmes read at the last import
 * @param duplicates repeated programmes merged at the last import
 * @param lastError why the last fetch failed, or null
 */
public record ScheduleSource(String id, String name, @Nullable String url, Instant createdAt,
		@Nullable Instant fetchedAt, int programmes, int duplicates, @Nullable String lastError) {
}
