/**
 * Trends: senses, per show, listening query, account and network, when the conversation spikes,
 * which terms emerge and when the mood turns, against baselines that know the weekly rhythm and the
 * show's airings; explains each trend (start, magnitude, driving terms, sample items) and alerts
 * in the app, by e-mail and by webhook, one alert per event. The detectors themselves are plain
 * Java in {@code detect}, shared with the {@code detect} command and the evaluation harness.
 */
@NullMarked
package org.vigie.trends;

import org.jspecify.annotations.NullMarked;
