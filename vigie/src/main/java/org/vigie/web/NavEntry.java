package org.vigie.web;

/**
 * A link in the main navigation, contributed as a bean by the feature that serves the page, so
 * that a page that does not exist is never linked.
 *
 * @param path where it leads, e.g. {@code /inbox}
 * @param messageKey the key of its label in {@code messages*.properties}
 * @param order its place, smaller first (Inbox 10, Listening 20, Trends 30, Publishing 40, Analytics 50, Settings 90)
 * @param shortcut the key that jumps there with {@code g} then this key; empty for none
 */
public record NavEntry(String path, String messageKey, int order, String shortcut) {
}
