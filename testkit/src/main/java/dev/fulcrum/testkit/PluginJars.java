package dev.fulcrum.testkit;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds plugin jars in tests: real ones, compiled from source with PF4J's annotation processor as
 * a plugin build would, and the broken kinds users drop into plugin folders by mistake.
 */
public final class PluginJars {

    private PluginJars() {
    }

    /** The manifest attributes of a valid plugin. */
    public static Map<String, String> manifest(String id, String version, String requires) {
        return Map.of("Plugin-Id", id, "Plugin-Version", version, "Plugin-Requires", requires, "Plugin-Provider", "tests");
    }

    /**
     * Compiles Java sources (class name to source) against the test class path and packs them with
     * the given manifest attributes and the generated {@code META-INF/extensions.idx}.
     */
    public static Path compile(Path jar, Map<String, String> sources, Map<String, String> manifest) {
        return compile(jar, sources, Map.of(), manifest);
    }

    /** The same, with resource files (jar path to text), e.g. a {@code META-INF/services} file. */
    public static Path compile(Path jar, Map<String, String> sources, Map<String, String> resources, Map<String, String> manifest) {
        try {
            Path work = Files.createTempDirectory("fulcrum-plugin-src-");
            Path classes = Files.createDirectories(work.resolve("classes"));
            List<String> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = work.resolve("src").resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                files.add(file.toString());
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                Path file = classes.resolve(resource.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, resource.getValue());
            }
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                    System.getProperty("java.class.path"), "--release", "17"));
            args.addAll(files);
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int status = compiler.run(null, errors, errors, args.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("test plugin did not compile:\n" + errors);
            }
            return pack(jar, manifest, classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A jar of the files under a folder, with the given manifest attributes ({@code null}: no manifest). */
    public static Path pack(Path jar, Map<String, String> manifestAttributes, Path folder) {
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = manifestAttributes == null ? new JarOutputStream(file) : new JarOutputStream(file, manifest(manifestAttributes));
             Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                String name = folder.relativize(path).toString().replace('\\', '/');
                if (name.equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                out.putNextEntry(new JarEntry(name));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    /** A copy of a jar without one entry (its extension index, say). */
    public static Path without(Path source, Path jar, String entryName) {
        return copy(source, jar, manifest -> { }, name -> !name.equals(entryName));
    }

    /** A copy of a jar whose manifest says it needs another Fulcrum version range. */
    public static Path requiring(Path source, Path jar, String requires) {
        return copy(source, jar, manifest -> manifest.getMainAttributes().put(new Attributes.Name("Plugin-Requires"), requires),
                name -> true);
    }

    private static Path copy(Path source, Path jar, java.util.function.Consumer<Manifest> editManifest,
                             java.util.function.Predicate<String> keep) {
        try (var in = new java.util.jar.JarFile(source.toFile())) {
            Manifest manifest = new Manifest(in.getManifest());
            editManifest.accept(manifest);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
                for (var entries = in.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().equals("META-INF/MANIFEST.MF") || !keep.test(entry.getName())) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.getInputStream(entry).transferTo(out);
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    /** The first half of a jar: what an interrupted download leaves. */
    public static Path truncated(Path source, Path jar) {
        try {
            byte[] bytes = Files.readAllBytes(source);
            return Files.write(jar, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of a jar with the byte at {@code offset} inverted: what a bad disk, a bad mirror or a tamperer leaves. */
    public static Path withByteFlipped(Path source, Path jar, int offset) {
        try {
            byte[] bytes = Files.readAllBytes(source);
            bytes[offset] = (byte) ~bytes[offset];
            return Files.write(jar, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Manifest manifest(Map<String, String> attributes) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach((name, value) -> manifest.getMainAttributes().put(new Attributes.Name(name), value));
        return manifest;
    }
}
