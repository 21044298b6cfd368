package dev.fulcrum.plugins.resample;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.augment.Augmenter;
import dev.fulcrum.api.augment.AugmenterFactory;
import dev.fulcrum.api.augment.Batch;
import org.nd4j.linalg.factory.Nd4j;
import org.pf4j.Extension;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Random oversampling: rows of the smaller classes of a task, drawn with replacement each epoch, are added again. */
@Extension
public final class ClassBalanceFactory implements AugmenterFactory<ClassBalanceParams> {

    @Override
    public String type() {
        return "class-balance";
    }

    @Override
    public String description() {
        return "Adds copies of random rows of the smaller classes of a task until the classes are balanced (oversampling).";
    }

    @Override
    public Class<ClassBalanceParams> paramsType() {
        return ClassBalanceParams.class;
    }

    @Override
    public Augmenter create(ClassBalanceParams params, RunContext context) {
        return (rows, seed) -> rows.tasks().contains(params.task()) ? oversample(rows, params, new SplittableRandom(seed)) : rows;
    }

    private static Batch oversample(Batch rows, ClassBalanceParams params, SplittableRandom random) {
        ClassRows classes = ClassRows.of(rows, params.task());
        Batch result = rows;
        for (int label = 0; label < classes.classes(); label++) {
            int[] members = classes.rows(label);
            int missing = classes.shortfall(label, params.ratio());
            if (missing == 0) {
                continue;
            }
            int[] copies = new int[missing];
            for (int i = 0; i < missing; i++) {
                copies[i] = members[random.nextInt(members.length)];
            }
            int[] labels = new int[missing];
            Arrays.fill(labels, label);
            result = LabelledRows.append(result, params.task(), Nd4j.pullRows(rows.features(), 1, copies), labels,
                    Nd4j.pullRows(rows.weights(), 1, copies));
        }
        return result;
    }
}
