package org.vigie.quotas.web;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.vigie.quotas.QuotaReport;
import org.vigie.workspace.Access;

/** {@code /settings/quotas}: what is left of YouTube's daily quota and of each Instagram account's hashtag budget. */
@Controller
class QuotasController {

	private final QuotaReport report;

	private final Access access;

	QuotasController(QuotaReport report, Access access) {
		this.report = report;
		this.access = access;
	}

	@GetMapping("/settings/quotas")
	String quotas(Model model) {
		model.addAllAttributes(Map.of("youtube", report.youtube(), "instagram", report.instagram(access.current())));
		return "quotas/quotas";
	}
}
