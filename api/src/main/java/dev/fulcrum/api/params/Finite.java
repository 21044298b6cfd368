package dev.fulcrum.api.params;

import dev.fulcrum.api.Stable;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The number is neither NaN nor infinite: {@code must be a finite number, got NaN}. On floating-point
 * components that have no bound (the bounded ones are finite already).
 */
@Stable
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE_USE)
public @interface Finite {
}
