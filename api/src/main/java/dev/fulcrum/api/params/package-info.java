/**
 * Constraints on params record components, stated once beside their {@link dev.fulcrum.api.Doc}:
 * {@code @Doc("maximum number of epochs") @AtLeast(1) Integer epochs}. The host checks them after
 * binding, on the record its compact constructor made (defaults filled in), in nested records and
 * in lists and maps of them, and reports a value that breaks one with the file, the line and the
 * path: {@code pipeline.yaml:12: strategy.epochs: must be at least 1, got 0}. {@code fulcrum
 * describe TYPE} shows them.
 *
 * <ul>
 *   <li>They are type annotations: on a list's element type or a map's value type they constrain
 *       each element ({@code List<@AtLeast(1) Integer> hidden}).</li>
 *   <li>A component left out ({@code null}) passes; a {@code null} element of a constrained list or
 *       map does not.</li>
 *   <li>The numeric ones ({@link AtLeast}, {@link Positive}, {@link Range}) also reject NaN and
 *       infinities.</li>
 *   <li>A check that relates several components stays in the compact constructor, throwing
 *       {@link dev.fulcrum.api.InvalidParamsException}; it runs before these, so it should leave a
 *       value these reject to them.</li>
 * </ul>
 *
 * <p>Fulcrum's own small set rather than Jakarta Bean Validation: the messages keep Fulcrum's
 * wording with its file, line and config path, the API stays free of outside libraries, and the
 * host needs neither Hibernate Validator's Jakarta EL, jboss-logging and classmate nor a
 * {@code jakarta.validation} package shared with every plugin.
 */
package dev.fulcrum.api.params;
