package dev.fulcrum.distribution;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher compiles {@code fulcrum audit} with C1 alone (a fresh JVM reads the CSV sooner) and
 * keeps both compilers for the other commands; {@code FULCRUM_JAVA_OPTS} still has the last word.
 */
class AuditCompilerIT {

    private static final Pattern LEVEL = Pattern.compile("TieredStopAtLevel\\s+=\\s+(\\d)");

    @TempDir
    Path work;

    /** The highest compilation tier of the JVM that {@code bin/fulcrum ARGS} starts, as the JVM itself reports it. */
    private String level(String javaOptions, int exit, String... args) throws Exception {
        ProcessBuilder command = Launcher.command(work, args);
        command.environment().put("FULCRUM_JAVA_OPTS", javaOptions);
        String out = ChildProcess.run(command, Duration.ofMinutes(2)).assertExit(exit).out();
        Matcher level = LEVEL.matcher(out);
        assertTrue(level.find(), out);
        return level.group(1);
    }

    @Test
    void auditStopsAtC1AndTheOtherCommandsDoNot() throws Exception {
        Path data = Files.writeString(work.resolve("decisions.csv"), "y,yhat,a\n" + "0,0,m\n1,1,m\n0,1,f\n1,0,f\n1,1,f\n".repeat(20));
        String[] audit = {"audit", "--data", data.toString(), "--label", "y", "--prediction", "yhat", "--sensitive", "a"};
        assertEquals("1", level("-XX:+PrintFlagsFinal", 0, audit));
        assertEquals("4", level("-XX:+PrintFlagsFinal", 0, "plugins"));
        assertEquals("4", level("-XX:+PrintFlagsFinal", 2, "run", "no-such-pipeline.yaml"));
        assertEquals("4", level("-XX:+PrintFlagsFinal -XX:TieredStopAtLevel=4", 0, audit), "FULCRUM_JAVA_OPTS overrides");
    }
}
