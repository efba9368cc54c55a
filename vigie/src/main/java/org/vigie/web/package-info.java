/**
 * The shell every page lives in: layout model, navigation, language, security filter chains (form
 * login with CSRF for people, bearer tokens for the API), error pages and htmx error fragments. It
 * holds no feature logic; features contribute {@link org.vigie.web.NavEntry} beans and implement
 * {@link org.vigie.web.ViewerSource} and {@link org.vigie.web.BearerAuthenticator}.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.vigie.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
