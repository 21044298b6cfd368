package dev.fulcrum.html;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The head of a run's page: what ran, how it ended, when, and how to run it again. */
record RunHeader(String name, String status, Optional<String> failureStage, Optional<String> failureMessage,
                 String seed, String started, String finished, String duration, String fulcrumVersion,
                 Optional<String> command, Optional<String> study, String folder) {

    static RunHeader of(RunView run) {
        JsonValue summary = run.summary();
        JsonValue header = summary.get("run");
        JsonValue error = summary.get("error");
        JsonValue study = summary.get("study");
        return new RunHeader(run.name(), summary.get("status").textOr("unknown"), error.get("stage").text(),
                error.get("message").text(), Format.plain(header.get("seed")), Format.plain(header.get("started")),
                Format.plain(header.get("finished")), duration(header), Format.plain(header.get("fulcrum_version")),
                header.get("command").text(),
                study.present() ? Optional.of(study.get("name").textOr("?") + ", trial " + Format.plain(study.get("trial")))
                        : Optional.empty(),
                header.get("folder").textOr(run.folder().toString()));
    }

    private static String duration(JsonValue header) {
        try {
            Instant started = Instant.parse(header.get("started").textOr(""));
            Instant finished = Instant.parse(header.get("finished").textOr(""));
            return Format.seconds(Duration.between(started, finished).toNanos() / 1e9);
        } catch (DateTimeParseException e) {
            return Format.NONE;
        }
    }
}
