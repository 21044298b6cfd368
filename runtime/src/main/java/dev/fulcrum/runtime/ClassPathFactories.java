package dev.fulcrum.runtime;

import dev.fulcrum.api.ComponentFactory;
import dev.fulcrum.api.adapt.DomainAdapterFactory;
import dev.fulcrum.api.features.FeatureExtractorFactory;
import dev.fulcrum.api.mitigate.MitigatorFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The feature extractor and mitigator factories of the plugin jars on a class path, found without a
 * plugin manager: every {@code META-INF/extensions.idx} the class loader sees (the list of extension
 * class names that PF4J's annotation processor writes into each plugin jar) is read, and each listed
 * class that implements {@link FeatureExtractorFactory}, {@link DomainAdapterFactory} or {@link MitigatorFactory} is made with its
 * public no-argument constructor. A factory that needs the host's Guice injection to be made is
 * named with the reason when its type is asked for.
 */
public final class ClassPathFactories implements FactoryLookup {

    /** The file PF4J's {@code ExtensionAnnotationProcessor} writes (its {@code LegacyExtensionStorage}). */
    static final String EXTENSIONS_INDEX = "META-INF/extensions.idx";
    private static final List<Class<?>> FAMILIES = List.of(FeatureExtractorFactory.class, DomainAdapterFactory.class, MitigatorFactory.class);

    private final List<ComponentFactory<?, ?>> factories = new ArrayList<>();
    /** Listed extensions of those families that could not be made, each with why. */
    private final List<String> unusable = new ArrayList<>();

    private ClassPathFactories(ClassLoader loader) {
        for (String name : listedExtensions(loader)) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue; // an extension of a plugin whose own libraries are absent: not one a saved model can need here
            }
            if (FAMILIES.stream().anyMatch(family -> family.isAssignableFrom(type)) && !Modifier.isAbstract(type.getModifiers())) {
                make(type);
            }
        }
    }

    /** The factories the given class loader sees. */
    public static ClassPathFactories of(ClassLoader loader) {
        return new ClassPathFactories(loader);
    }

    private void make(Class<?> type) {
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            unusable.add(type.getName() + " has no public no-argument constructor (the host makes it through Guice), "
                    + "so it cannot be made without the host");
            return;
        }
        try {
            factories.add((ComponentFactory<?, ?>) constructor.newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            unusable.add(type.getName() + " could not be made: " + cause);
        }
    }

    private static Set<String> listedExtensions(ClassLoader loader) {
        Set<String> names = new LinkedHashSet<>();
        try {
            Enumeration<URL> indexes = loader.getResources(EXTENSIONS_INDEX);
            while (indexes.hasMoreElements()) {
                URL index = indexes.nextElement();
                try (BufferedReader in = new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
                    in.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + EXTENSIONS_INDEX + " files of the class path", e);
        }
        return names;
    }

    @Override
    public Optional<ComponentFactory<?, ?>> find(Class<?> family, String type) {
        return factories.stream().filter(f -> family.isInstance(f) && f.type().equals(type)).findFirst();
    }

    @Override
    public String unknownType(Class<?> family, String type) {
        TreeSet<String> known = new TreeSet<>();
        factories.stream().filter(family::isInstance).forEach(f -> known.add(f.type()));
        String noun = family == FeatureExtractorFactory.class ? "feature extractor"
                : family == DomainAdapterFactory.class ? "domain adapter" : "bias mitigator";
        return "no " + noun + " \"" + type + "\" on the class path; add the jar of the plugin that provides it (for a type "
                + "bundled with Fulcrum, the artifact dev.fulcrum:fulcrum-plugin-<plugin>, e.g. fulcrum-plugin-standardize; "
                + "`fulcrum plugins` lists which plugin has which type); found: "
                + (known.isEmpty() ? "none" : String.join(", ", known))
                + (unusable.isEmpty() ? "" : "; not usable: " + String.join("; ", unusable));
    }
}
