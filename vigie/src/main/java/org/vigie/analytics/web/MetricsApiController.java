package org.vigie.analytics.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.vigie.analytics.MetricSample;
import org.vigie.analytics.MetricSamples;
import org.vigie.shared.Network;
import org.vigie.web.NotFoundException;

/**
 * {@code GET /api/v1/metrics?network=facebook&object=<id>}: the newest sample of each metric of an
 * object; an unavailable metric has {@code "value": null}, {@code "available": false} and the
 * network's reason.
 */
@RestController
class MetricsApiController {

	private final MetricSamples samples;

	MetricsApiController(MetricSamples samples) {
		this.samples = samples;
	}

	@GetMapping("/api/v1/metrics")
	List<MetricSample> metrics(@RequestParam String network, @RequestParam String object) {
		Network n = Network.fromId(network).orElseThrow(() -> new NotFoundException("error.notFound"));
		return samples.latest(n, object);
	}
}
