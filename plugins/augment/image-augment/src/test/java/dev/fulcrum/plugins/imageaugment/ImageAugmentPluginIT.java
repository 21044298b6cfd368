package dev.fulcrum.plugins.imageaugment;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.PluginJars;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.TestHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageAugmentPluginIT extends PluginContract {

    /** A data plugin, compiled here, of 8x8 images with one horizontal (class 0) or vertical (class 1) stripe. */
    private static final String STRIPES = """
            package test.stripes;

            import dev.fulcrum.api.Doc;
            import dev.fulcrum.api.RunContext;
            import dev.fulcrum.api.data.*;
            import java.util.List;
            import java.util.SplittableRandom;
            import org.nd4j.linalg.factory.Nd4j;

            @org.pf4j.Extension
            public final class StripesFactory implements DataSourceFactory<StripesFactory.Params> {
                public record Params(@Doc("rows") Integer rows) {
                    public Params { rows = rows == null ? 400 : rows; }
                }
                public String type() { return "stripes"; }
                public String description() { return "8x8 images with a horizontal or a vertical stripe."; }
                public Class<Params> paramsType() { return Params.class; }
                public DataSource create(Params params, RunContext context) {
                    return () -> {
                        SplittableRandom random = new SplittableRandom(context.seedFor("stripes"));
                        int n = params.rows();
                        float[][] pixels = new float[n][64];
                        int[] labels = new int[n];
                        for (int i = 0; i < n; i++) {
                            labels[i] = random.nextInt(2);
                            int at = 1 + random.nextInt(6);
                            for (int p = 0; p < 64; p++) {
                                boolean onStripe = labels[i] == 0 ? p / 8 == at : p % 8 == at;
                                pixels[i][p] = (onStripe ? 1f : 0f) + (float) (0.2 * (random.nextDouble() - 0.5));
                            }
                        }
                        Schema schema = new Schema(Schema.numberedFeatures("pixel", 64, "stripes"),
                                List.of(new Task("specific", List.of("horizontal", "vertical"))), List.of(Domains.SOURCE),
                                new ImageShape(1, 8, 8));
                        return Dataset.builder(schema, Nd4j.createFromArray(pixels)).labels("specific", labels).build();
                    };
                }
            }
            """;

    @Override
    protected String pluginId() {
        return "image-augment";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.AUGMENT, List.of("cutmix", "flip", "random-erasing", "rotate", "shift"));
    }

    @Test
    void aModelLearnsFromImagesThatEveryAugmenterChanged(@TempDir Path folder) {
        Path stripes = PluginJars.compile(folder.resolve("stripes.jar"), Map.of("test.stripes.StripesFactory", STRIPES),
                PluginJars.manifest("stripes", "0.1.0", ">=0.1.0"));
        List<Path> jars = new ArrayList<>(List.of(TestHost.builtJar(), stripes));
        jars.addAll(TestHost.pluginJarsOnClassPath());
        String yaml = """
                name: image-augment-it
                seed: 4
                data:
                  specific: {type: stripes, rows: 500}
                augment:
                  - {type: shift, max-pixels: 1}
                  - {type: flip}
                  - {type: rotate, max-degrees: 8}
                  - {type: random-erasing, max-area: 0.1}
                  - {type: cutmix, probability: 0.3}
                model: {type: mlp, hidden: [32]}
                strategy: {type: supervised, epochs: 15, batch-size: 32, learning-rate: 0.005}
                """;
        try (TestHost host = TestHost.withJars(jars)) {
            RunRecord run = host.runSucceeding(yaml);
            assertTrue(run.metric("test", "specific", "accuracy") > 0.85, run.summary().path("metrics").path("test").toPrettyString());
        }
    }
}
