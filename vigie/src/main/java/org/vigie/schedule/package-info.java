/**
 * The TV schedule: XMLTV guides imported from an uploaded file or a URL refreshed daily, each show
 * linked to the programme titles under which it airs, and the airings of a show over a period.
 * Trends compare an airing with past airings of the same show; publishing places posts relative to
 * an airing.
 */
@NullMarked
package org.vigie.schedule;

import org.jspecify.annotations.NullMarked;
