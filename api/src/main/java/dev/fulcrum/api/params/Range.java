package dev.fulcrum.api.params;

import dev.fulcrum.api.Stable;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The number lies in an interval, written as in mathematics: {@code "[0, 1]"}, {@code "(0, 1]"},
 * {@code "[0, 1)"}, {@code "(0, 1)"}, a square bracket including its end and a round one excluding
 * it: {@code must be in (0, 1], got 1.5}. On integer and floating-point components.
 */
@Stable
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE_USE)
public @interface Range {
    String value();
}
