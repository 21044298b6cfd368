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
        return oneFactory(folder, "explosive", "dev.fulcrum.api.report.ReporterFactory", """
                public Factory() { throw new IllegalStateException("boom in constructor"); }
                public String type() { return "explosive"; }
                public String description() { return "never made"; }
                public dev.fulcrum.api.report.Reporter create(Params params, RunContext context) { return summary -> { }; }
                """, Map.of(), Map.of());
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
        String pluginClass = """
                package %1$s;
                public class MarkedPlugin extends org.pf4j.Plugin {
                    %2$s
                    @Override public void start() { %3$s }
                }
                """.formatted(pkg, mark.formatted(marker.toAbsolutePath(), "MarkedPlugin"),
                startProblem == null ? "" : "throw new IllegalStateException(\"" + startProblem + "\");");
        return oneFactory(folder, id, "dev.fulcrum.api.augment.AugmenterFactory", mark.formatted(marker.toAbsolutePath(), "Factory") + """

                public String type() { return "marked"; }
                public String description() { return "leaves a marker"; }
                public dev.fulcrum.api.augment.Augmenter create(Params params, RunContext context) { return (rows, seed) -> rows; }
                """, Map.of(pkg + ".MarkedPlugin", pluginClass), Map.of("Plugin-Class", pkg + ".MarkedPlugin"));
    }

    /** A plugin whose data source factory throws in {@code create}: its code breaks when a pipeline uses it. */
    static Path failingSource(Path folder) {
        return oneFactory(folder, "failing-source", "dev.fulcrum.api.data.DataSourceFactory", """
                public String type() { return "failing"; }
                public String description() { return "throws when made"; }
                public dev.fulcrum.api.data.DataSource create(Params params, RunContext context) {
                    throw new IllegalStateException("boom in create");
                }
                """, Map.of(), Map.of());
    }

    /**
     * A plugin of one factory, {@code id}.jar: {@code members} are the factory's constructor and methods but
     * {@code paramsType}; {@code classes} (name to source) and {@code manifest} attributes come on top.
     */
    private static Path oneFactory(Path folder, String id, String factoryInterface, String members, Map<String, String> classes,
                                   Map<String, String> manifest) {
        String pkg = "test." + id.replace('-', '_');
        Map<String, String> sources = new java.util.HashMap<>(classes);
        sources.put(pkg + ".Params", """
                package %1$s;
                public record Params(@dev.fulcrum.api.Doc("nothing") Integer nothing) { }
                """.formatted(pkg));
        sources.put(pkg + ".Factory", """
                package %1$s;
                import dev.fulcrum.api.RunContext;
                @org.pf4j.Extension
                public class Factory implements %2$s<Params> {
                    public Class<Params> paramsType() { return Params.class; }
                %3$s}
                """.formatted(pkg, factoryInterface, members.indent(4)));
        Map<String, String> attributes = new java.util.HashMap<>(PluginJars.manifest(id, "1.0.0", ">=0.1.0"));
        attributes.putAll(manifest);
        return PluginJars.compile(folder.resolve(id + ".jar"), sources, attributes);
    }
}
