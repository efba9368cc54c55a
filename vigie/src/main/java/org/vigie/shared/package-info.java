/**
 * Tiny value types every module speaks: networks, item kinds and typed identifiers. An open
 * module: anything may depend on it, it depends on nothing.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.vigie.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
