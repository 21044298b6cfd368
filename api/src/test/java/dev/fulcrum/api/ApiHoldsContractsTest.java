package dev.fulcrum.api;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps fulcrum-api a contract, as the SPI every plugin compiles against: its top-level classes are
 * interfaces, annotations, enums, records, exceptions, or one of the value types named below with
 * why it is one. Code that computes (solvers, decompositions, statistics, seeded draws, groupings of
 * rows) belongs in fulcrum-math, which the host provides to plugins the same way. Reads the
 * compiled classes of this module, so it sees exactly what plugins compile against.
 */
class ApiHoldsContractsTest {

    private static final String ADVICE = "implementations belong in fulcrum-math (math/, packages dev.fulcrum.math.*): ";

    /**
     * Bounds on the bytes of a top-level class file with its nested classes, past which a class does
     * more than state a contract or carry values. Today the largest record, interface or exception
     * ({@code AuditInput}) compiles to about 5,000 bytes, the largest listed value type
     * ({@code Dataset}) to about 21,000; a solver such as {@code LogisticRegression} to 11,000.
     */
    private static final long MAX_CONTRACT_BYTES = 8 * 1024;
    private static final long MAX_VALUE_TYPE_BYTES = 32 * 1024;

    /** Classes that are neither of the contract kinds, each with why it stays in the API. */
    private static final Map<String, String> ALLOWED_CLASSES = Map.ofEntries(
            entry("dev.fulcrum.api.data.Dataset", "the rows every stage receives and returns"),
            entry("dev.fulcrum.api.data.Schema", "what a dataset's columns, tasks and domains are; part of Dataset"),
            entry("dev.fulcrum.api.augment.Batch", "the mini-batch an augmenter receives and returns"),
            entry("dev.fulcrum.api.train.Phase", "the plan a training strategy hands the host's loop"),
            entry("dev.fulcrum.api.model.TrainableModel", "the network an architecture hands the host, with its named layers"),
            entry("dev.fulcrum.api.model.ModelGraph", "fixes the layer names and heads the host relies on in a TrainableModel"),
            entry("dev.fulcrum.api.model.Activations", "the activation names a pipeline file may give any architecture"),
            entry("dev.fulcrum.api.features.FeatureColumns", "how a params field names columns, and the error it gets"),
            entry("dev.fulcrum.api.features.StateText", "the format of names in a FeatureTransform's saved state"),
            entry("dev.fulcrum.api.data.Domains", "domain names with a meaning to the host"),
            entry("dev.fulcrum.api.Tasks", "the task names every run reports"),
            entry("dev.fulcrum.api.MetricNames", "the metric names every run reports"),
            entry("dev.fulcrum.api.PluginBindings", "the names the host binds in each plugin's injector"));

    @Test
    void everyTopLevelClassIsAContractOrAListedValueType() {
        List<String> implementations = topLevelClasses().stream()
                .filter(type -> !isContractKind(type) && !ALLOWED_CLASSES.containsKey(type.getName()))
                .map(Class::getName)
                .sorted()
                .toList();
        assertTrue(implementations.isEmpty(), ADVICE + implementations + " are neither interfaces, annotations, enums, "
                + "records nor exceptions; a value type that plugins hand across goes in ALLOWED_CLASSES of "
                + ApiHoldsContractsTest.class.getName() + " with its reason");
    }

    @Test
    void noClassOutgrowsTheBound() {
        List<String> large = new ArrayList<>();
        for (Class<?> type : topLevelClasses()) {
            long bytes = compiledBytes(type);
            long bound = ALLOWED_CLASSES.containsKey(type.getName()) ? MAX_VALUE_TYPE_BYTES : MAX_CONTRACT_BYTES;
            if (bytes > bound) {
                large.add(type.getName() + " (" + bytes + " bytes, bound " + bound + ")");
            }
        }
        assertTrue(large.isEmpty(), ADVICE + large + " compile to more than their bound with their nested classes; "
                + "move what computes there");
    }

    /** A stale entry would let a class in unchecked under a name that has gone. */
    @Test
    void everyAllowedClassExistsAndNeedsItsEntry() {
        List<String> names = topLevelClasses().stream().map(Class::getName).toList();
        for (String allowed : ALLOWED_CLASSES.keySet()) {
            assertTrue(names.contains(allowed), allowed + " is in ALLOWED_CLASSES but not in fulcrum-api");
            assertFalse(isContractKind(load(allowed)), allowed + " is in ALLOWED_CLASSES but needs no entry");
        }
    }

    private static boolean isContractKind(Class<?> type) {
        // An annotation type is an interface too.
        return type.isInterface() || type.isEnum() || type.isRecord() || Throwable.class.isAssignableFrom(type);
    }

    private static List<Class<?>> topLevelClasses() {
        Path root = compiledClasses();
        try (Stream<Path> files = Files.walk(root)) {
            List<Class<?>> classes = files
                    .map(file -> root.relativize(file).toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$")
                            && !name.endsWith("package-info.class") && !name.endsWith("module-info.class"))
                    .<Class<?>>map(name -> load(name.substring(0, name.length() - ".class".length()).replace(File.separatorChar, '.')))
                    .toList();
            assertTrue(classes.size() > 20, "found only " + classes.size() + " classes under " + root);
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder this module's classes were compiled to (target/classes), where {@link Doc} is. */
    private static Path compiledClasses() {
        try {
            Path location = Path.of(Doc.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            assertTrue(Files.isDirectory(location), "expected fulcrum-api's compiled classes in a folder, got " + location);
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long compiledBytes(Class<?> type) {
        Path folder = compiledClasses().resolve(type.getPackageName().replace('.', File.separatorChar));
        String name = type.getSimpleName();
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(file -> file.equals(name + ".class") || file.startsWith(name + "$"))
                    .mapToLong(file -> size(folder.resolve(file)))
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ApiHoldsContractsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
