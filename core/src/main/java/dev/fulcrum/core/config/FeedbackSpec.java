package dev.fulcrum.core.config;

import dev.fulcrum.runtime.config.ConfigPath;

import java.nio.file.Path;

/**
 * One entry of a pipeline's {@code feedback:} list: a corrections file to apply after the split.
 *
 * @param path            the entry's place in the config, for messages ({@code feedback[0]})
 * @param file            the corrections file, absolute
 * @param format          {@code review}, {@code csv} or {@code label-studio}; {@code null}: by the file's extension and header
 * @param task            the task every row corrects where the file has no {@code task} value; {@code null}: the file says
 * @param testCorrections whether the file may correct rows of the test split
 * @param pool            the data source rows are added from ({@code add}), or {@code null}
 * @param idField         Label Studio: the task data field holding the Fulcrum row id
 * @param labelField      Label Studio: the control tag ({@code from_name}) holding the chosen class
 */
public record FeedbackSpec(ConfigPath path, Path file, String format, String task, boolean testCorrections,
                           ComponentSpec pool, String idField, String labelField) {
}
