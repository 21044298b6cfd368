package dev.fulcrum.testkit;

import java.nio.file.Path;
import java.util.Map;

/** Source of small real plugins, compiled into jars by the tests. */
final class TestPlugins {

    private TestPlugins() {
    }

    /**
     * A plugin with one augmenter type whose factory is made by the plugin's Guice injector: it
     * injects the plugin id, the plugin's logger, and a value bound by the plugin's own module.
     * It also bundles a library class {@code lib.Version} of its own.
     */
    static Path greeter(Path folder, String id, String type, String libraryVersion) {
        String pkg = "test." + id.replace('-', '_');
        return PluginJars.compile(folder.resolve(id + ".jar"), Map.of(
                pkg + ".Params", """
                        package %1$s;
                        public record Params(@dev.fulcrum.api.Doc("how loud") Integer volume) {
                            public Params { volume = volume == null ? 3 : volume; }
                        }
                        """.formatted(pkg),
                pkg + ".Factory", """
                        package %1$s;
                        import com.google.inject.Inject;
                        import com.google.inject.name.Named;
                        import dev.fulcrum.api.PluginBindings;
                        import dev.fulcrum.api.RunContext;
                        import dev.fulcrum.api.augment.Augmenter;
                        import dev.fulcrum.api.augment.AugmenterFactory;
                        @org.pf4j.Extension
                        public class Factory implements AugmenterFactory<Params> {
                            private final String pluginId;
                            private final String greeting;
                            private final org.slf4j.Logger log;
                            @Inject
                            public Factory(@Named(PluginBindings.PLUGIN_ID) String pluginId, @Named("greeting") String greeting,
                                           org.slf4j.Logger log) {
                                this.pluginId = pluginId;
                                this.greeting = greeting;
                                this.log = log;
                            }
                            public String type() { return "%2$s"; }
                            public String description() {
                                return greeting + " from " + pluginId + ", logger " + log.getName() + ", lib " + lib.Version.VALUE();
                            }
                            public Class<Params> paramsType() { return Params.class; }
                            public Augmenter create(Params params, RunContext context) { return (rows, seed) -> rows; }
                        }
                        """.formatted(pkg, type),
                pkg + ".Module", """
                        package %1$s;
                        public class Module extends com.google.inject.AbstractModule {
                            @Override protected void configure() {
                                bind(String.class).annotatedWith(com.google.inject.name.Names.named("greeting")).toInstance("hello");
                            }
                        }
                        """.formatted(pkg),
                "lib.Version", """
                        package lib;
                        public class Version { public static String VALUE() { return "%s"; } }
                        """.formatted(libraryVersion)),
                Map.of("META-INF/services/com.google.inject.Module", pkg + ".Module\n"),
                PluginJars.manifest(id, "1.0.0", ">=0.1.0"));
    }

    /** A plugin whose only factory cannot be made: its constructor throws. */
    static Path explosive(Path folder) {
        return PluginJars.compile(folder.resolve("explosive.jar"), Map.of(
                "test.explosive.Params", """
                        package test.explosive;
                        public record Params(@dev.fulcrum.api.Doc("nothing") Integer nothing) { }
                        """,
                "test.explosive.Factory", """
                        package test.explosive;
                        import dev.fulcrum.api.RunContext;
                        import dev.fulcrum.api.report.Reporter;
                        import dev.fulcrum.api.report.ReporterFactory;
                        @org.pf4j.Extension
                        public class Factory implements ReporterFactory<Params> {
                            public Factory() { throw new IllegalStateException("boom in constructor"); }
                            public String type() { return "explosive"; }
                            public String description() { return "never made"; }
                            public Class<Params> paramsType() { return Params.class; }
                            public Reporter create(Params params, RunContext context) { return summary -> { }; }
                        }
                        """),
                PluginJars.manifest("explosive", "1.0.0", ">=0.1.0"));
    }

    /**
     * A plugin with a {@code Plugin-Class} and one augmenter type, {@code marked}, whose classes each write a
     * line to {@code marker} in their static initialisers: the marker exists once any class of the jar loaded.
     *
     * @param startProblem the message its {@code start()} throws, or {@code null} for a plugin that starts
     */
    static Path marked(Path folder, String id, Path marker, String startProblem) {
        String pkg = "test." + id.replace('-', '_');
        String mark = "static { try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"%s\"), \"%s loaded\\n\","
                + " java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND); }"
                + " catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); } }";
        Map<String, String> manifest = new java.util.HashMap<>(PluginJars.manifest(id, "1.0.0", ">=0.1.0"));
        manifest.put("Plugin-Class", pkg + ".MarkedPlugin");
        return PluginJars.compile(folder.resolve(id + ".jar"), Map.of(
                pkg + ".MarkedPlugin", """
                        package %1$s;
                        public class MarkedPlugin extends org.pf4j.Plugin {
                            %2$s
                            @Override public void start() { %3$s }
                        }
                        """.formatted(pkg, mark.formatted(marker.toAbsolutePath(), "MarkedPlugin"),
                        startProblem == null ? "" : "throw new IllegalStateException(\"" + startProblem + "\");"),
                pkg + ".Params", """
                        package %1$s;
                        public record Params(@dev.fulcrum.api.Doc("nothing") Integer nothing) { }
                        """.formatted(pkg),
                pkg + ".Factory", """
                        package %1$s;
                        import dev.fulcrum.api.RunContext;
                        import dev.fulcrum.api.augment.Augmenter;
                        import dev.fulcrum.api.augment.AugmenterFactory;
                        @org.pf4j.Extension
                        public class Factory implements AugmenterFactory<Params> {
                            %2$s
                            public String type() { return "marked"; }
                            public String description() { return "leaves a marker"; }
                            public Class<Params> paramsType() { return Params.class; }
                            public Augmenter create(Params params, RunContext context) { return (rows, seed) -> rows; }
                        }
                        """.formatted(pkg, mark.formatted(marker.toAbsolutePath(), "Factory"))),
                manifest);
    }

    /** A plugin whose data source factory throws in {@code create}: its code breaks when a pipeline uses it. */
    static Path failingSource(Path folder) {
        return PluginJars.compile(folder.resolve("failing-source.jar"), Map.of(
                "test.failing.Params", """
                        package test.failing;
                        public record Params(@dev.fulcrum.api.Doc("nothing") Integer nothing) { }
                        """,
                "test.failing.Factory", """
                        package test.failing;
                        import dev.fulcrum.api.RunContext;
                        import dev.fulcrum.api.data.DataSource;
                        import dev.fulcrum.api.data.DataSourceFactory;
                        @org.pf4j.Extension
                        public class Factory implements DataSourceFactory<Params> {
                            public String type() { return "failing"; }
                            public String description() { return "throws when made"; }
                            public Class<Params> paramsType() { return Params.class; }
                            public DataSource create(Params params, RunContext context) { throw new IllegalStateException("boom in create"); }
                        }
                        """),
                PluginJars.manifest("failing-source", "1.0.0", ">=0.1.0"));
    }
}
