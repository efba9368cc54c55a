/**
 * Plumbing shared by the network sub-packages of this module: one HTTP client wrapper that turns
 * I/O failures and unreadable answers into {@link org.vigie.connectors.ConnectorException}s, form
 * and query encoding, and a time-window cursor for APIs that list newest first. Internal to
 * {@code connectors}.
 */
@NullMarked
package org.vigie.connectors.support;

import org.jspecify.annotations.NullMarked;
