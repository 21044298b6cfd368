package dev.fulcrum.plugins.idx;

import dev.fulcrum.api.DataFileException;
import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.data.DataSource;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.ImageShape;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import dev.fulcrum.math.arrays.FloatMatrices;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Reads the training (and test) image and label files, keeps the rows of the chosen classes, draws
 * the labelled training (and validation) rows per class, and scales pixels from bytes to [0, 1]. The
 * files are read whole and checked before any row is made. A row's id is its image file's name and
 * its record there, counted from 0: {@code train-images-idx3-ubyte.gz#4711}.
 */
final class IdxDataSource implements DataSource {

    /** The task's name in the source; the host renames it {@code specific} or {@code general}. */
    static final String TASK = "label";
    private static final float PIXEL_SCALE = 1f / 255f;

    private final IdxParams params;
    private final long seed;
    private final RunContext context;

    IdxDataSource(IdxParams params, long seed, RunContext context) {
        this.params = params;
        this.seed = seed;
        this.context = context;
    }

    /** An image file with its label file, checked to match. */
    private record Pair(IdxFile images, IdxFile labels) {
        static Pair read(java.nio.file.Path imagesFile, java.nio.file.Path labelsFile) {
            IdxFile images = IdxFile.read(imagesFile, 3, "image files");
            IdxFile labels = IdxFile.read(labelsFile, 1, "label files");
            if (labels.count() != images.count()) {
                throw new DataFileException(labelsFile, 0, null, "has " + labels.count() + " labels, but " + imagesFile
                        + " has " + images.count() + " images");
            }
            return new Pair(images, labels);
        }

        int label(int record) {
            return labels.value(record, 0);
        }
    }

    @Override
    public Dataset load() {
        if (params.labels() == null) {
            return unlabelled();
        }
        Pair train = Pair.read(params.images(), params.labels());
        Pair test = params.testImages() == null ? null : Pair.read(params.testImages(), params.testLabels());
        int[] shape = train.images().recordShape();
        if (test != null && !Arrays.equals(test.images().recordShape(), shape)) {
            throw new DataFileException(params.testImages(), 0, null, "its images are " + shapeText(test.images().recordShape())
                    + ", the training images " + shapeText(shape));
        }
        List<Integer> classes = params.classes() != null ? params.classes() : labelsIn(train);
        List<String> names = classNames(classes, train);
        int[] classOf = new int[256];
        Arrays.fill(classOf, Dataset.NO_LABEL);
        for (int c = 0; c < classes.size(); c++) {
            classOf[classes.get(c)] = c;
        }
        Partition[] trainPartitions = drawTrainingRows(train, classes, classOf, test == null ? Partition.UNASSIGNED : Partition.TRAIN);
        List<Integer> rows = new ArrayList<>();
        List<Partition> partitions = new ArrayList<>();
        for (int record = 0; record < trainPartitions.length; record++) {
            if (trainPartitions[record] != null) {
                rows.add(record);
                partitions.add(trainPartitions[record]);
            }
        }
        int trainRows = rows.size();
        if (test != null) {
            for (int record = 0; record < test.images().count(); record++) {
                if (classOf[test.label(record)] != Dataset.NO_LABEL) {
                    rows.add(record);
                    partitions.add(Partition.TEST);
                }
            }
        }
        ImageShape image = new ImageShape(1, shape[0], shape[1]);
        float[] pixels = new float[rows.size() * image.size()];
        int[] labels = new int[rows.size()];
        String[] ids = new String[rows.size()];
        String trainFile = params.images().getFileName().toString();
        String testFile = test == null ? null : params.testImages().getFileName().toString();
        for (int i = 0; i < rows.size(); i++) {
            Pair pair = i < trainRows ? train : test;
            pair.images().copyScaled(rows.get(i), PIXEL_SCALE, pixels, i * image.size());
            labels[i] = classOf[pair.label(rows.get(i))];
            ids[i] = (i < trainRows ? trainFile : testFile) + "#" + rows.get(i);
        }
        context.recordInput(params.images());
        context.recordInput(params.labels());
        if (test != null) {
            context.recordInput(params.testImages());
            context.recordInput(params.testLabels());
        }
        return Dataset.builder(schema(image, names), FloatMatrices.rowMajor(pixels, rows.size(), image.size()))
                .labels(TASK, labels)
                .partitions(partitions.toArray(Partition[]::new))
                .ids(ids)
                .build();
    }

    /** Every image of the file, in file order, none labelled: new rows for a saved model to predict. */
    private Dataset unlabelled() {
        IdxFile images = IdxFile.read(params.images(), 3, "image files");
        int[] shape = images.recordShape();
        ImageShape image = new ImageShape(1, shape[0], shape[1]);
        float[] pixels = new float[images.count() * image.size()];
        for (int record = 0; record < images.count(); record++) {
            images.copyScaled(record, PIXEL_SCALE, pixels, record * image.size());
        }
        context.recordInput(params.images());
        int[] labels = new int[images.count()];
        Arrays.fill(labels, Dataset.NO_LABEL);
        List<String> names = params.classes().stream()
                .map(c -> params.classNames() == null ? String.valueOf(c) : params.classNames().get(c)).toList();
        return Dataset.builder(schema(image, names), FloatMatrices.rowMajor(pixels, images.count(), image.size()))
                .labels(TASK, labels)
                .ids(params.images().getFileName() + "#", 0)
                .build();
    }

    private static Schema schema(ImageShape image, List<String> classNames) {
        return new Schema(Schema.numberedFeatures("pixel", image.size(), "idx"), List.of(new Task(TASK, classNames)),
                List.of(Domains.SOURCE), image);
    }

    /**
     * Per training record, its partition, or {@code null} for a record left out. Per class, a seeded
     * shuffle gives the first {@code per-class} records (or all but the validation ones) to training
     * and the last {@code validation-per-class} to validation, so the training rows do not depend on
     * how many validation rows are drawn.
     */
    private Partition[] drawTrainingRows(Pair train, List<Integer> classes, int[] classOf, Partition training) {
        List<List<Integer>> byClass = new ArrayList<>();
        classes.forEach(c -> byClass.add(new ArrayList<>()));
        for (int record = 0; record < train.images().count(); record++) {
            int c = classOf[train.label(record)];
            if (c != Dataset.NO_LABEL) {
                byClass.get(c).add(record);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        Partition[] partitions = new Partition[train.images().count()];
        int validation = params.validationPerClass();
        for (int c = 0; c < classes.size(); c++) {
            List<Integer> records = byClass.get(c);
            int available = records.size() - validation;
            if (available < 1) {
                throw new DataFileException(params.labels(), 0, null, "label " + classes.get(c) + " has " + records.size()
                        + " rows, too few for " + validation + " validation rows (validation-per-class) and at least one training row");
            }
            shuffle(records, random);
            int trainCount = params.perClass() == null ? available : Math.min(params.perClass(), available);
            for (int i = 0; i < trainCount; i++) {
                partitions[records.get(i)] = training;
            }
            for (int i = records.size() - validation; i < records.size(); i++) {
                partitions[records.get(i)] = Partition.VALIDATION;
            }
        }
        return partitions;
    }

    private static void shuffle(List<Integer> values, SplittableRandom random) {
        for (int i = values.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer swap = values.get(i);
            values.set(i, values.get(j));
            values.set(j, swap);
        }
    }

    private static List<Integer> labelsIn(Pair pair) {
        TreeSet<Integer> found = new TreeSet<>();
        for (int record = 0; record < pair.labels().count(); record++) {
            found.add(pair.label(record));
        }
        if (found.size() < 2) {
            throw new DataFileException(pair.labels().file(), 0, null, "holds " + found.size() + " distinct label(s); a task needs at least 2");
        }
        return List.copyOf(found);
    }

    private List<String> classNames(List<Integer> classes, Pair train) {
        if (params.classNames() == null) {
            return classes.stream().map(String::valueOf).toList();
        }
        for (int record = 0; record < train.labels().count(); record++) {
            int label = train.label(record);
            if (label >= params.classNames().size()) {
                throw new DataFileException(train.labels().file(), record + 1, null, "byte offset " + train.labels().offset(record)
                        + ": label " + label + " has no name; class-names has " + params.classNames().size());
            }
        }
        return classes.stream().map(params.classNames()::get).toList();
    }

    private static String shapeText(int[] shape) {
        return shape[0] + "x" + shape[1];
    }
}
