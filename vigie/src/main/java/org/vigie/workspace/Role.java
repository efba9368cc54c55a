package org.vigie.workspace;

import java.util.Locale;

/** What a user may do. Ordered from most to least powerful. */
public enum Role {

	/** Everything, including users, roles and connected accounts. */
	ADMIN,
	/** Every show; manages shows, accounts and queries, not users. */
	MANAGER,
	/** Works the inbox, listening and publishing of the shows given to them. */
	COMMUNITY_MANAGER,
	/** Reads the shows given to them; changes nothing. */
	ANALYST;

	/** True if this role may change anything at all. */
	public boolean canWrite() {
		return this != ANALYST;
	}

	/** True if this role manages users and roles. */
	public boolean managesTeam() {
		return this == ADMIN;
	}

	/** True if this role creates shows and connects accounts. */
	public boolean managesShows() {
		return this == ADMIN || this == MANAGER;
	}

	/** True if this role sees every show without being given them one by one. */
	public boolean seesAllShows() {
		return this == ADMIN || this == MANAGER;
	}

	/** The message key of this role's name. */
	public String messageKey() {
		return "role." + name().toLowerCase(Locale.ROOT);
	}
}
