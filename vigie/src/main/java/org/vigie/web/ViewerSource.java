package org.vigie.web;

import java.util.Optional;

/** Tells the shell who is signed in. Implemented by the workspace module. */
public interface ViewerSource {

	/** The person of the current request, or empty when anonymous. */
	Optional<Viewer> current();
}
