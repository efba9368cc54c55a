/** Fake RSS/Atom feeds of the simulated world, with conditional GET. */
@NullMarked
package org.vigie.simulator.rss;

import org.jspecify.annotations.NullMarked;
