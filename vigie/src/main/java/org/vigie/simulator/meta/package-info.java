/**
 * Fakes of Meta's Graph API ({@code /sim/facebook/v26.0/…} and {@code /sim/instagram/v26.0/…}):
 * Facebook Pages and Instagram professional accounts served from the simulator's world, with
 * Graph's cursor paging, error object, usage headers, retired insights metrics refused as Graph
 * refuses them, Instagram's hashtag budget, and the Facebook Login endpoints.
 */
@NullMarked
package org.vigie.simulator.meta;

import org.jspecify.annotations.NullMarked;
