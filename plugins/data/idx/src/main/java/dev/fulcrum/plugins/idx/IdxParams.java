package dev.fulcrum.plugins.idx;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.params.AtLeast;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

public record IdxParams(
        @Doc("IDX file of training images (unsigned bytes, [count, height, width]), gzip or plain; relative paths start at the pipeline file's folder") Path images,
        @Doc("IDX file of the training images' labels (none: the images are unlabelled rows to predict, and classes names the task's label values)") Path labels,
        @Doc("IDX file of test images, whose rows all go to the test split (none: the split takes test rows from the training file)") Path testImages,
        @Doc("IDX file of the test images' labels") Path testLabels,
        @Doc("label values to keep, e.g. [5, 6, 7, 8, 9], in the order of the task's classes (none: every label of the training file)") List<Integer> classes,
        @Doc("the name of each label value, from 0, e.g. [T-shirt, Trouser, ...] (none: the values themselves)") List<String> classNames,
        @Doc("at most this many labelled training rows per class, drawn at random with the seed (none: all)") @AtLeast(1) Integer perClass,
        @Doc("rows per class drawn from the training file apart from the training rows (which stay the same whatever this is) and placed in the validation split (0: the split decides)") @AtLeast(0) Integer validationPerClass,
        @Doc("seed of the per-class draw (none: derived from the run's seed)") Long seed) {

    public IdxParams {
        classes = classes == null ? null : List.copyOf(classes);
        classNames = classNames == null ? null : List.copyOf(classNames);
        validationPerClass = validationPerClass == null ? 0 : validationPerClass;
        if (classes != null) {
            if (classes.size() < 2) {
                throw new InvalidParamsException("classes", "name at least 2 label values, got " + classes);
            }
            if (classes.stream().anyMatch(c -> c < 0 || c > 255)) {
                throw new InvalidParamsException("classes", "label values are bytes, 0 to 255, got " + classes);
            }
            if (new HashSet<>(classes).size() != classes.size()) {
                throw new InvalidParamsException("classes", "names a label value twice: " + classes);
            }
            int highest = classes.stream().mapToInt(Integer::intValue).max().orElseThrow();
            if (classNames != null && highest >= classNames.size()) {
                throw new InvalidParamsException("class-names", "has " + classNames.size() + " names, but classes keeps label " + highest);
            }
        }
        if (classNames != null && classNames.stream().anyMatch(name -> name == null || name.isBlank())) {
            throw new InvalidParamsException("class-names", "names must not be empty, got " + classNames);
        }
        if ((testImages == null) != (testLabels == null)) {
            throw new InvalidParamsException(testImages == null ? "test-images" : "test-labels",
                    "missing: test-images and test-labels go together");
        }
    }
}
