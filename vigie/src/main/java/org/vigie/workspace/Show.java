package org.vigie.workspace;

import java.util.Objects;

import org.vigie.shared.ShowId;
import org.vigie.shared.WorkspaceId;

/** A TV show (or any brand) whose accounts and conversations the workspace follows. */
public record Show(ShowId id, WorkspaceId workspace, String name, String slug, String color) {

	public Show {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(workspace, "workspace");
		if (name.isBlank()) {
			throw new IllegalArgumentException("show.name-required");
		}
		if (!color.matches("#[0-9a-fA-F]{6}")) {
			throw new IllegalArgumentException("show.color-invalid");
		}
	}
}
