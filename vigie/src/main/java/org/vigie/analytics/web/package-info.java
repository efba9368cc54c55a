/** The analytics API. */
@NullMarked
package org.vigie.analytics.web;

import org.jspecify.annotations.NullMarked;
