package org.vigie.analytics.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.vigie.analytics.MetricSample;
import org.vigie.analytics.MetricSamples;
import org.vigie.shared.Network;
import org.vigie.web.NotFoundException;
import org.vigie.workspace.Access;
import org.vigie.workspace.Actor;

/**
 * {@code GET /api/v1/metrics?network=facebook&object=<id>}: the newest sample of each metric of an
 * object; an unavailable metric has {@code "value": null}, {@code "available": false} and the
 * network's reason. Only the metrics read through the accounts of the caller's shows, as the UI shows
 * them (an account attached to no show: those who see every show); an object of another show is 404.
 */
@RestController
class MetricsApiController {

	private final MetricSamples samples;

	private final Access access;

	MetricsApiController(MetricSamples samples, Access access) {
		this.samples = samples;
		this.access = access;
	}

	@GetMapping("/api/v1/metrics")
	List<MetricSample> metrics(@RequestParam String network, @RequestParam String object) {
		Network n = Network.fromId(network).orElseThrow(() -> new NotFoundException("error.notFound"));
		Actor actor = access.current();
		List<MetricSample> visible = samples.latest(n, object,
				show -> show == null ? actor.role().seesAllShows() : actor.sees(show));
		if (visible.isEmpty()) {
			throw new NotFoundException("error.notFound");
		}
		return visible;
	}
}
