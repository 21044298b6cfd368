package dev.fulcrum.api;

/**
 * Names under which the host binds per-plugin values in each plugin's own Guice child injector, for
 * plugins that use Guice: inject them with {@code @Named(PluginBindings.PLUGIN_ID) String id} or
 * {@code @Named(PluginBindings.DATA_FOLDER) java.nio.file.Path folder}. The plugin's
 * {@code org.slf4j.Logger}, named after the plugin id, is bound without a name. A plugin adds its
 * own Guice modules by listing them in {@code META-INF/services/com.google.inject.Module}.
 */
@Stable
public final class PluginBindings {

    public static final String PLUGIN_ID = "fulcrum.plugin.id";
    public static final String DATA_FOLDER = "fulcrum.plugin.data";

    private PluginBindings() {
    }
}
