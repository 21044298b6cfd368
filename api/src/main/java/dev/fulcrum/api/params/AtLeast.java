package dev.fulcrum.api.params;

import dev.fulcrum.api.Stable;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The number is at least this: {@code must be at least 1, got 0}. On integer and floating-point components. */
@Stable
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE_USE)
public @interface AtLeast {
    double value();
}
