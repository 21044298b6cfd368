package dev.fulcrum.benchmarks;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.RunFolder;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Writes one IDX image file and its label file in which the {@code idx} data source, with
 * {@code validation-per-class: 1000} and a fixed draw {@code seed}, trains on exactly the 60,000
 * Fashion-MNIST training images and validates on exactly the 10,000 t10k images. The source
 * validates only on images drawn from its training file (its test file goes to the test split, which
 * no strategy sees per epoch), so this is how a run's per-epoch validation accuracy becomes the full
 * test-set accuracy without a change to Fulcrum (benchmarks/speed/run-accuracy-inference).
 *
 * <p>The source's draw depends only on the label of each record and the seed, not on the pixels: so
 * the labels file is train + t10k labels, the source is asked which records it would validate on, and
 * the t10k images of each class are put at that class's validation records, the training images at the
 * others. The source then loads the written files again and must draw the same records, every
 * validation record holding a t10k image and every training record a training image; else this stops.
 *
 * <p>Usage: {@code benchmarks/run FashionTestAsValidation FASHION_DIR OUT_DIR PLUGINS_DIR DRAW_SEED}
 */
public final class FashionTestAsValidation {

    static final String IMAGES = "fashion70k-images-idx3-ubyte";
    static final String LABELS = "fashion70k-labels-idx1-ubyte";
    private static final int PER_CLASS_TEST = 1000;

    private FashionTestAsValidation() {
    }

    /** An IDX file's header dimensions and its records' bytes. */
    private record Idx(int[] dimensions, byte[] records) {
        static Idx read(Path file) throws IOException {
            byte[] content;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                content = in.readAllBytes();
            }
            ByteBuffer header = ByteBuffer.wrap(content);
            int dimensionCount = content[3];
            int[] dimensions = new int[dimensionCount];
            for (int d = 0; d < dimensionCount; d++) {
                dimensions[d] = header.getInt(4 + 4 * d);
            }
            return new Idx(dimensions, Arrays.copyOfRange(content, 4 + 4 * dimensionCount, content.length));
        }

        int count() {
            return dimensions[0];
        }

        int recordSize() {
            return records.length / count();
        }

        void write(Path file) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(records.length + 16);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeShort(0);
            out.writeByte(0x08);
            out.writeByte(dimensions.length);
            for (int dimension : dimensions) {
                out.writeInt(dimension);
            }
            out.write(records);
            out.flush();
            Files.write(file, bytes.toByteArray());
        }
    }

    public static void main(String[] args) throws Exception {
        Path fashion = Path.of(args[0]).toAbsolutePath();
        Path out = Files.createDirectories(Path.of(args[1]).toAbsolutePath());
        Path plugins = Path.of(args[2]);
        long drawSeed = Long.parseLong(args[3]);
        Idx trainImages = Idx.read(fashion.resolve("train-images-idx3-ubyte.gz"));
        Idx trainLabels = Idx.read(fashion.resolve("train-labels-idx1-ubyte.gz"));
        Idx testImages = Idx.read(fashion.resolve("t10k-images-idx3-ubyte.gz"));
        Idx testLabels = Idx.read(fashion.resolve("t10k-labels-idx1-ubyte.gz"));
        int trainCount = trainImages.count();
        int total = trainCount + testImages.count();
        int size = trainImages.recordSize();
        byte[] labels = concat(trainLabels.records(), testLabels.records());
        Idx labelFile = new Idx(new int[] {total}, labels);
        labelFile.write(out.resolve(LABELS));
        // First the plain concatenation: the draw reads only the labels, which never change from here on.
        Idx plain = new Idx(new int[] {total, trainImages.dimensions()[1], trainImages.dimensions()[2]},
                concat(trainImages.records(), testImages.records()));
        plain.write(out.resolve(IMAGES));
        try (FulcrumHost host = FulcrumHost.start(plugins, Files.createTempDirectory("fulcrum-test-as-validation-"))) {
            Partition[] drawn = draw(host, out, fashion, drawSeed, total);
            // Per class, the t10k images in file order go to the validation records in file order, the training images to the rest.
            List<List<Integer>> trainByClass = recordsByClass(labels, 0, trainCount);
            List<List<Integer>> testByClass = recordsByClass(labels, trainCount, total);
            int[] nextTrain = new int[10];
            int[] nextTest = new int[10];
            int[] sourceOf = new int[total];
            byte[] arranged = new byte[plain.records().length];
            for (int record = 0; record < total; record++) {
                int c = labels[record];
                boolean validation = drawn[record] == Partition.VALIDATION;
                int source = validation ? testByClass.get(c).get(nextTest[c]++) : trainByClass.get(c).get(nextTrain[c]++);
                sourceOf[record] = source;
                System.arraycopy(plain.records(), source * size, arranged, record * size, size);
            }
            new Idx(plain.dimensions(), arranged).write(out.resolve(IMAGES));
            Partition[] again = draw(host, out, fashion, drawSeed, total);
            check(Arrays.equals(drawn, again), "the idx source drew other records from the arranged file");
            int validated = 0;
            for (int record = 0; record < total; record++) {
                boolean fromTest = sourceOf[record] >= trainCount;
                check(fromTest == (again[record] == Partition.VALIDATION), "record " + record + " is "
                        + again[record] + " but holds a " + (fromTest ? "t10k" : "training") + " image");
                check(again[record] == Partition.VALIDATION || again[record] == Partition.TRAIN, "record " + record + " was left out");
                validated += fromTest ? 1 : 0;
            }
            check(validated == testImages.count(), validated + " validation records");
            System.out.printf("wrote %s and %s in %s: the idx source (seed %d, validation-per-class %d) trains on the %d training "
                    + "images and validates on the %d t10k images%n", IMAGES, LABELS, out, drawSeed, PER_CLASS_TEST, trainCount, validated);
        }
    }

    /** Each record's partition as the idx source draws it from the files in {@code folder}. */
    private static Partition[] draw(FulcrumHost host, Path folder, Path fashion, long seed, int records) throws IOException {
        // With the test files, as the benchmark's pipeline has them: the source then marks the rows it trains on TRAIN.
        String params = String.format("{images: %s, labels: %s, test-images: %s, test-labels: %s, validation-per-class: %d, seed: %d}",
                folder.resolve(IMAGES), folder.resolve(LABELS), fashion.resolve("t10k-images-idx3-ubyte.gz"),
                fashion.resolve("t10k-labels-idx1-ubyte.gz"), PER_CLASS_TEST, seed);
        Path scratch = Files.createTempDirectory("fulcrum-test-as-validation-run-");
        Dataset data = BenchmarkSources.source(host, "idx", params, folder, new HostRunContext(seed, RunFolder.at(scratch))).load();
        Partition[] byRecord = new Partition[records];
        for (int row = 0; row < data.rows(); row++) {
            if (!data.id(row).startsWith(IMAGES + "#")) {
                continue;
            }
            byRecord[Integer.parseInt(data.id(row).substring(IMAGES.length() + 1))] = data.partition(row);
        }
        return byRecord;
    }

    private static List<List<Integer>> recordsByClass(byte[] labels, int from, int to) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int record = from; record < to; record++) {
            byClass.get(labels[record]).add(record);
        }
        return byClass;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static void check(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException(problem);
        }
    }
}
