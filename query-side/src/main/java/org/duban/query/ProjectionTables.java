package org.duban.query;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables a projection owns: it alone writes them, its {@code @ResetHandler} empties them, and a rebuild of the
 * projection touches nothing else. Every table of the read side belongs to exactly one projection.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ProjectionTables {
    /** Table names as Flyway creates them, in the order a reset may empty them (children first). */
    String[] value();
}
