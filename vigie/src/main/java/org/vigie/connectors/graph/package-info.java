/**
 * What Facebook Pages and Instagram share: Meta's Graph API (version pinned in
 * {@link org.vigie.connectors.graph.GraphClient#VERSION}), its cursor paging, its error object and
 * usage headers, and insights read metric by metric when one of them is retired.
 */
@NullMarked
package org.vigie.connectors.graph;

import org.jspecify.annotations.NullMarked;
