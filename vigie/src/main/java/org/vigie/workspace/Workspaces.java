package org.vigie.workspace;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.vigie.shared.WorkspaceId;

/**
 * The workspace of this installation. One Vigie runs one workspace (a production company); the
 * schema keeps the id everywhere so that several can share a database later.
 */
@Service
public class Workspaces {

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile WorkspaceId current;

	Workspaces(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The workspace, created on first use. Thread-safe. */
	public WorkspaceId current() {
		WorkspaceId id = current;
		if (id == null) {
			synchronized (this) {
				id = current;
				if (id == null) {
					id = jdbc.sql("SELECT id FROM workspaces ORDER BY created_at LIMIT 1").query(String.class).optional()
						.map(WorkspaceId::of)
						.orElseGet(this::create);
					current = id;
				}
			}
		}
		return id;
	}

	private WorkspaceId create() {
		WorkspaceId id = WorkspaceId.generate();
		jdbc.sql("INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)")
			.params(id.toString(), "Vigie", clock.millis())
			.update();
		return id;
	}
}
