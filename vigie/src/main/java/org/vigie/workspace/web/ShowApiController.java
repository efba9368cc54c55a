package org.vigie.workspace.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.workspace.Access;
import org.vigie.workspace.Show;
import org.vigie.workspace.Shows;

/** The shows, for the REST API. */
@RestController
@Tag(name = "Shows")
class ShowApiController {

	private final Access access;

	private final Shows shows;

	ShowApiController(Access access, Shows shows) {
		this.access = access;
		this.shows = shows;
	}

	@GetMapping("/api/v1/shows")
	@Operation(summary = "The shows I may see")
	List<Show> list() {
		return shows.visibleTo(access.current());
	}

	@PostMapping("/api/v1/shows")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a show (managers and admins)", description = "Body {\"name\": …}")
	Show create(@RequestBody Map<String, String> body) {
		return shows.create(access.current(), body.getOrDefault("name", ""));
	}
}
