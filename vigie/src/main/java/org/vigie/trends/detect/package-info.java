/**
 * The detectors behind trends, in plain Java with no Spring: volume spikes against a baseline that
 * knows the weekly rhythm and past airings, emerging terms, sentiment shifts, unique-author sketches
 * and the grouping that makes one event one alert. The application, the {@code detect} command and
 * the evaluation harness all run these same classes.
 */
@NullMarked
package org.vigie.trends.detect;

import org.jspecify.annotations.NullMarked;
