/**
 * The social accounts connected to the shows of the workspace:
 * network, handle, encrypted credentials, health (connected, paused with a reason, token
 * expiry). Other modules read accounts through
 * {@link org.vigie.accounts.Accounts}.
 */
@NullMarked
package org.vigie.accounts;

import org.jspecify.annotations.NullMarked;
