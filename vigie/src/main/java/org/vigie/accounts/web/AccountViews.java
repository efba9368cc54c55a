package org.vigie.accounts.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.vigie.accounts.AccountActivity;
import org.vigie.accounts.Accounts;
import org.vigie.accounts.SocialAccount;
import org.vigie.web.Messages;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Show;
import org.vigie.workspace.Shows;

/** Builds the {@link AccountView}s an actor may see: the accounts of their shows (and unattached ones for managers). */
@Component
class AccountViews {

	private final Accounts accounts;

	private final Shows shows;

	private final List<AccountActivity> activity;

	private final Clock clock;

	AccountViews(Accounts accounts, Shows shows, List<AccountActivity> activity, Clock clock) {
		this.accounts = accounts;
		this.shows = shows;
		this.activity = activity;
		this.clock = clock;
	}

	/** @param messages the reader's language, for the accounts' reasons */
	List<AccountView> visibleTo(Actor actor, Messages messages) {
		Map<String, String> names = shows.all().stream().collect(Collectors.toMap(s -> s.id().toString(), Show::name));
		List<SocialAccount> visible = accounts.all()
			.stream()
			.filter(a -> a.show() == null ? actor.role().seesAllShows() : actor.sees(a.show()))
			.toList();
		return visible.stream()
			.map(a -> AccountView.of(a, a.show() == null ? null : names.get(a.show().toString()),
					activity.stream().map(x -> x.of(a.id())).flatMap(Optional::stream).findFirst().orElse(null),
					accounts.forecast(a), clock.instant(), messages))
			.toList();
	}
}
