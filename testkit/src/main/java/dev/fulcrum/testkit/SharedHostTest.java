package dev.fulcrum.testkit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class whose tests share one real host, started before the first test and closed after the
 * last; a subclass's own {@code @BeforeAll} methods run after it has started, so they may use it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SharedHostTest {

    private TestHost host;

    /** The host to share: by default the built plugin and the plugins the module tests with. */
    protected TestHost createHost() {
        return TestHost.forBuiltPlugin();
    }

    /** The started host; runs of one test class share its folders. */
    protected final TestHost host() {
        return host;
    }

    @BeforeAll
    final void startSharedHost() {
        host = createHost();
    }

    @AfterAll
    final void closeSharedHost() {
        host.close();
    }
}
