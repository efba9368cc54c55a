/**
 * Where state lives: the DataSource (an SQLite file in the data folder by default, PostgreSQL when
 * {@code VIGIE_DB_URL} names one), the Flyway migrations shared by both, and the data folder itself.
 * It holds no feature repositories: each feature owns its own.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.vigie.storage;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
