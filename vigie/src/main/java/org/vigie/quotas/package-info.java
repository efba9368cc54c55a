/**
 * The budgets networks count themselves, stored so that every connector of the app shares them
 * and a person can see what is left: YouTube's daily units and search bucket, Instagram's 30
 * unique hashtags per 7 days. Provides the {@link org.vigie.connectors.QuotaMeter} the connectors
 * call, and the page that shows it.
 */
@NullMarked
package org.vigie.quotas;

import org.jspecify.annotations.NullMarked;
