package dev.fulcrum.api;

/**
 * Bad input from the user: config, data, arguments or a plugin jar. The launcher prints the
 * message, which names the file, line, row, column or field at fault, and exits with code 2.
 */
@Stable
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
