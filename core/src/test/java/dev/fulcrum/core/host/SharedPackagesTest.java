package dev.fulcrum.core.host;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.html.RunReport;
import dev.fulcrum.math.rows.Groups;
import dev.fulcrum.math.stats.Covariance;
import gg.jte.Content;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedPackagesTest {

    /** So plugins share the host's copy, and PluginContract rejects a jar that bundles one. */
    @Test
    void theMathModuleLoadsFromTheHostLikeTheApi() {
        assertTrue(SharedPackages.isShared(Dataset.class.getName()));
        assertTrue(SharedPackages.isShared(Covariance.class.getName()));
        assertTrue(SharedPackages.isShared(Groups.class.getName()));
    }

    /** A reporter plugin renders pages with the host's fulcrum-html, whose compiled templates need the JTE runtime. */
    @Test
    void theHtmlModuleAndItsTemplateRuntimeLoadFromTheHost() {
        assertTrue(SharedPackages.isShared(RunReport.class.getName()));
        assertTrue(SharedPackages.isShared(Content.class.getName()));
    }

    @Test
    void aPluginsOwnPackagesLoadFromItsJar() {
        assertFalse(SharedPackages.isShared("dev.fulcrum.plugins.coral.Coral"));
        assertFalse(SharedPackages.isShared("dev.fulcrum.mathematics.Solver"));
        assertFalse(SharedPackages.isShared("dev.fulcrum.core.host.FulcrumHost"));
    }
}
