/** The webhook endpoints the networks call; open (no session, no CSRF) because each delivery proves itself by its signature. */
@NullMarked
package org.vigie.webhooks.web;

import org.jspecify.annotations.NullMarked;
