package org.vigie.workspace.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.web.NotFoundException;
import org.vigie.workspace.Access;
import org.vigie.workspace.Actor;
import org.vigie.workspace.ApiTokens;
import org.vigie.workspace.Shows;
import org.vigie.workspace.VigiePrincipal;

/** Personal access tokens and who-am-I for the REST API. */
@RestController
@Tag(name = "Access", description = "Tokens and the current user")
class TokenApiController {

	private final AuthenticationManager authentication;

	private final ApiTokens tokens;

	private final Access access;

	private final Shows shows;

	TokenApiController(AuthenticationManager authentication, ApiTokens tokens, Access access, Shows shows) {
		this.authentication = authentication;
		this.tokens = tokens;
		this.access = access;
		this.shows = shows;
	}

	/** Exchanges an email and password for a new token; wrong credentials and locked accounts get 401. */
	@PostMapping("/api/v1/tokens")
	@Operation(summary = "Create a personal access token", description = "Body {\"email\": …, \"password\": …, \"name\": …}; answers {\"token\": …} once.")
	ResponseEntity<Map<String, String>> create(@RequestBody TokenRequest request) {
		if (request.email() == null || request.password() == null) {
			throw new IllegalArgumentException("email and password are required");
		}
		try {
			var auth = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(request.email(), request.password()));
			VigiePrincipal principal = (VigiePrincipal) auth.getPrincipal();
			var created = tokens.create(principal.id(), principal.getUsername(), request.name() == null ? "API" : request.name());
			return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", created.id(), "token", created.secret()));
		}
		catch (AuthenticationException e) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "Wrong email or password, or account locked"));
		}
	}

	@GetMapping("/api/v1/tokens")
	@Operation(summary = "List my tokens (without their secrets)")
	List<ApiTokens.Token> list() {
		return tokens.of(access.current().id());
	}

	@DeleteMapping("/api/v1/tokens/{id}")
	@Operation(summary = "Revoke one of my tokens")
	ResponseEntity<Void> revoke(@PathVariable String id) {
		Actor me = access.current();
		if (!tokens.revoke(me.id(), me.email(), id)) {
			throw new NotFoundException("token.unknown");
		}
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "Who I am, my role and the shows I see")
	Map<String, Object> me() {
		Actor me = access.current();
		return Map.of("id", me.id().toString(), "email", me.email(), "role", me.role().name().toLowerCase(),
				"shows", shows.visibleTo(me).stream().map(s -> Map.of("id", s.id().toString(), "name", s.name(), "slug", s.slug())).toList());
	}

	record TokenRequest(String email, String password, String name) {
	}
}
