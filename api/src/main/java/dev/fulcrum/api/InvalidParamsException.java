package dev.fulcrum.api;

/**
 * A component's params are wrong in a way the constraints of {@link dev.fulcrum.api.params} cannot
 * state: one component against another, or a name to look up. The host prefixes the field with the
 * component's place in the pipeline, so {@code new InvalidParamsException("heads", "must divide the
 * width 32, got 3")} is shown as {@code pipeline.yaml:12: model.heads: must divide the width 32, got 3}.
 */
@Stable
public class InvalidParamsException extends InvalidInputException {

    private final String field;
    private final String problem;

    public InvalidParamsException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The params field at fault, in the YAML's kebab-case; may be dotted for nested fields. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
