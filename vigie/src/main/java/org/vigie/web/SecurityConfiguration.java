package org.vigie.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Three filter chains. The network-facing one ({@code /sim/**}, {@code /webhooks/**}) is open:
 * the simulator is a fake of public APIs and webhooks verify their own signatures. The API chain
 * accepts only bearer tokens, keeps no session and so needs no CSRF token. The browser chain uses
 * form login, a session cookie (HttpOnly, SameSite=Lax) and CSRF on every unsafe request, htmx's
 * included. Analysts (read-only) get 403 on every change in both, except the browser requests that
 * change only their own things ({@link PersonalRequests}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	@Order(1)
	SecurityFilterChain networkFacing(HttpSecurity http) throws Exception {
		http.securityMatcher("/sim/**", "/webhooks/**")
			.authorizeHttpRequests(a -> a.anyRequest().permitAll())
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(c -> c.disable())
			.securityContext(c -> c.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, BearerAuthenticator bearer) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, "/api/v1/tokens").permitAll()
				.requestMatchers("/api/docs", "/api/docs/**").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/**").authenticated()
				.requestMatchers(HttpMethod.HEAD, "/api/**").authenticated()
				.requestMatchers(HttpMethod.POST, "/api/v1/queries/validate", "/api/v1/queries/test").authenticated()
				.anyRequest().hasAuthority("WRITE"))
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(c -> c.disable())
			.addFilterBefore(new BearerFilter(bearer), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> problem(res, 401, "Unauthorized",
						"A valid token is required: Authorization: Bearer <token> (POST /api/v1/tokens creates one)"))
				.accessDeniedHandler((req, res, ex) -> problem(res, 403, "Forbidden", "Your role may not do this")));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain browser(HttpSecurity http, UserDetailsService users, List<PersonalRequests> personal)
			throws Exception {
		String[] personalPaths = personal.stream().flatMap(p -> p.paths().stream()).toArray(String[]::new);
		if (personalPaths.length > 0) {
			http.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, personalPaths).authenticated());
		}
		http.addFilterAfter(new FreshAuthorityFilter(users), SecurityContextHolderFilter.class)
			.authorizeHttpRequests(a -> a
			.requestMatchers("/login", "/setup", "/invite/**", "/lang/**", "/webjars/**", "/css/**", "/js/**", "/img/**",
					"/favicon.ico", "/error", "/actuator/health", "/actuator/health/**", "/actuator/prometheus")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/**").authenticated()
			.requestMatchers(HttpMethod.HEAD, "/**").authenticated()
			.requestMatchers("/logout", "/settings/profile/**").authenticated()
			.anyRequest().hasAuthority("WRITE"))
			.formLogin(f -> f.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler((req, res, ex) -> res
					.sendRedirect(req.getContextPath() + (ex instanceof LockedException ? "/login?locked" : "/login?error"))))
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("VIGIE_SESSION"))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.exceptionHandling(e -> e.authenticationEntryPoint(new LoginEntryPoint()));
		return http.build();
	}

	private static void problem(HttpServletResponse res, int status, String title, String detail) throws IOException {
		res.setStatus(status);
		res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		res.setCharacterEncoding(StandardCharsets.UTF_8.name());
		res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
				+ detail.replace("\"", "'") + "\"}");
	}

	/**
	 * Sends an anonymous visitor to the login page; an htmx request whose session expired gets a
	 * 401 with {@code HX-Redirect}, so that htmx loads the login page as a whole page.
	 */
	static final class LoginEntryPoint implements AuthenticationEntryPoint {

		private final LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");

		@Override
		public void commence(HttpServletRequest req, HttpServletResponse res, AuthenticationException ex)
				throws IOException, ServletException {
			if ("true".equals(req.getHeader("HX-Request"))) {
				res.setHeader("HX-Redirect", req.getContextPath() + "/login");
				res.setStatus(401);
				return;
			}
			login.commence(req, res, ex);
		}
	}

	/** Authenticates {@code Authorization: Bearer …} for one request. */
	static final class BearerFilter extends OncePerRequestFilter {

		private final BearerAuthenticator bearer;

		BearerFilter(BearerAuthenticator bearer) {
			this.bearer = bearer;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				bearer.authenticate(header.substring(7).trim())
					.ifPresent(auth -> SecurityContextHolder.getContext().setAuthentication(auth));
			}
			chain.doFilter(request, response);
		}
	}
}
