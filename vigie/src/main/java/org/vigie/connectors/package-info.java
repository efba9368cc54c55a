/**
 * The connector SPI, modelled on Kafka Connect's source tasks: a connector only translates between
 * one network's HTTP API and Vigie's records; the ingest runtime owns scheduling, cursors, rate
 * limits, retries and storage. One internal sub-package per network ({@code x}, {@code mastodon},
 * {@code bluesky}, {@code rss}, {@code facebook}, {@code instagram}, {@code youtube}, {@code reddit})
 * holds its Factory, Connector, Client (HTTP only), Mapper (JSON to records) and Settings. A
 * connector never touches the database and never lets an HTTP-client exception out: only the
 * {@link org.vigie.connectors.ConnectorException} subtypes.
 */
@NullMarked
package org.vigie.connectors;

import org.jspecify.annotations.NullMarked;
