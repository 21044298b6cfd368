package dev.fulcrum.api.data;

import dev.fulcrum.api.Stable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Names of what a {@link Dataset} holds: feature columns, tasks, domains, and the image shape if any. */
@Stable
public final class Schema {

    private final List<Feature> features;
    private final List<Task> tasks;
    private final List<String> domains;
    private final ImageShape image;

    /**
     * @param domains domain names; a row's domain id indexes this list (a single-domain set has one)
     * @param image the image shape when rows are flattened images, else {@code null}
     */
    public Schema(List<Feature> features, List<Task> tasks, List<String> domains, ImageShape image) {
        this.features = List.copyOf(features);
        this.tasks = List.copyOf(tasks);
        this.domains = List.copyOf(domains);
        this.image = image;
        requireUnique(this.features.stream().map(Feature::name).toList(), "feature");
        requireUnique(this.tasks.stream().map(Task::name).toList(), "task");
        requireUnique(this.domains, "domain");
        if (this.domains.isEmpty()) {
            throw new IllegalArgumentException("a schema needs at least one domain");
        }
        if (image != null && image.size() != this.features.size()) {
            throw new IllegalArgumentException("image shape " + image + " does not match " + this.features.size() + " features");
        }
    }

    /** Features named {@code prefix0..prefixN-1}, all with the given origin. */
    public static List<Feature> numberedFeatures(String prefix, int count, String origin) {
        List<Feature> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(new Feature(prefix + i, origin));
        }
        return list;
    }

    private static void requireUnique(List<String> names, String what) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("duplicate " + what + " name: " + name);
            }
        }
    }

    public List<Feature> features() {
        return features;
    }

    public int featureCount() {
        return features.size();
    }

    public List<String> featureNames() {
        return features.stream().map(Feature::name).toList();
    }

    public List<Task> tasks() {
        return tasks;
    }

    public List<String> taskNames() {
        return tasks.stream().map(Task::name).toList();
    }

    public Optional<Task> task(String name) {
        return tasks.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public List<String> domains() {
        return domains;
    }

    public Optional<ImageShape> image() {
        return Optional.ofNullable(image);
    }

    /** The same tasks and domains over new feature columns (an extractor's output). */
    public Schema withFeatures(List<Feature> newFeatures, ImageShape newImage) {
        return new Schema(newFeatures, tasks, domains, newImage);
    }

    public Schema withTasks(List<Task> newTasks) {
        return new Schema(features, newTasks, domains, image);
    }

    public Schema withDomains(List<String> newDomains) {
        return new Schema(features, tasks, newDomains, image);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schema s && features.equals(s.features) && tasks.equals(s.tasks)
                && domains.equals(s.domains) && Objects.equals(image, s.image);
    }

    @Override
    public int hashCode() {
        return Objects.hash(features, tasks, domains, image);
    }

    @Override
    public String toString() {
        return "Schema[" + features.size() + " features, tasks=" + tasks + ", domains=" + domains
                + (image == null ? "" : ", image=" + image) + "]";
    }
}
