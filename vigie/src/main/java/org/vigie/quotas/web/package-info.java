/** The quotas page under Settings. */
@NullMarked
package org.vigie.quotas.web;

import org.jspecify.annotations.NullMarked;
