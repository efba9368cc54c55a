/** A fake Bluesky PDS and AppView speaking XRPC. */
@NullMarked
package org.vigie.simulator.bluesky;

import org.jspecify.annotations.NullMarked;
