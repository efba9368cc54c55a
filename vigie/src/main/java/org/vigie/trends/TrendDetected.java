package org.vigie.trends;

/**
 * A trend opened ({@code update == false}) or grew ({@code update == true}). Published after it is
 * stored; other modules (analytics, reports) may listen.
 */
public record TrendDetected(Trend trend, boolean update) {
}
