package io.solbot.core.config.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.solbot.core.config.Alias;
import io.solbot.core.config.Flatten;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What binding learns of config types during one load: the {@link RecordShape} of each record type reached (a record
 * and every record it holds are introspected together, on first use), and the Jackson mapper that reads the other
 * types (enums and the like), made on first use.
 *
 * <p>Why per load and not per JVM: a config type may come from a plugin jar, whose class loader the registry closes;
 * a cache held by a static field would keep its classes (a Jackson mapper holds every type it read), and what one load
 * introspected would decide what the next one sees. So each load (a bots file, or one validator's type) makes its own,
 * and drops it with the load.
 *
 * <p>Not thread-safe: one instance per load, used by the thread that runs it.
 */
public final class ConfigTypes {
    private final Map<Class<?>, RecordShape> shapes = new HashMap<>();
    private final Set<Class<?>> inProgress = new HashSet<>();
    private ObjectMapper mapper;

    /** An empty set of types: each is introspected when first used. */
    public ConfigTypes() {}

    /**
     * The names of the {@link Flatten} components of {@code type} and of every record it holds (directly, or as an
     * element of a list, set or map); empty if it is not a record.
     *
     * @throws IllegalArgumentException if one of them is {@code @Flatten} but not a record, or has no canonical
     *     constructor
     */
    public Set<String> flattenedNames(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        collectFlattened(type, names, new HashSet<>());
        return Collections.unmodifiableSet(names);
    }

    /**
     * The shape of record {@code type}, introspected on first use with every record it holds.
     *
     * @throws IllegalArgumentException if a component is {@code @Flatten} but not a record, if {@code @Flatten} groups
     *     hold each other, or if a record has no canonical constructor
     */
    RecordShape shape(Class<?> type) {
        RecordShape shape = shapes.get(type);
        if (shape == null) {
            shape = introspect(type);
            shapes.put(type, shape);
        }
        return shape;
    }

    /** The field names a config of {@code type} accepts, aliases included, flattened groups expanded. */
    Set<String> fieldNames(Class<?> type) {
        return type.isRecord() ? shape(type).known() : Set.of();
    }

    /** The mapper for the types that are not records, text, numbers, booleans or containers. */
    ObjectMapper mapper() {
        if (mapper == null) {
            mapper = JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                    .build();
        }
        return mapper;
    }

    private void collectFlattened(Type type, Set<String> names, Set<Class<?>> visited) {
        Class<?> raw = rawType(type);
        if (raw.isRecord()) {
            if (!visited.add(raw)) {
                return;
            }
            for (RecordShape.Component c : shape(raw).components()) {
                if (c.flatten()) {
                    names.add(c.name());
                }
                collectFlattened(c.type(), names, visited);
            }
        } else if (type instanceof ParameterizedType p) {
            for (Type arg : p.getActualTypeArguments()) {
                collectFlattened(arg, names, visited);
            }
        }
    }

    private RecordShape introspect(Class<?> type) {
        if (!inProgress.add(type)) {
            throw new IllegalArgumentException(type.getName() + " holds itself through @Flatten groups");
        }
        try {
            return introspectOnce(type);
        } finally {
            inProgress.remove(type);
        }
    }

    private RecordShape introspectOnce(Class<?> type) {
        RecordComponent[] rcs = type.getRecordComponents();
        List<RecordShape.Component> components = new ArrayList<>(rcs.length);
        Class<?>[] types = new Class<?>[rcs.length];
        Set<String> known = new LinkedHashSet<>();
        for (int i = 0; i < rcs.length; i++) {
            RecordComponent rc = rcs[i];
            types[i] = rc.getType();
            boolean flatten = rc.isAnnotationPresent(Flatten.class);
            List<String> names = new ArrayList<>();
            names.add(rc.getName());
            Alias alias = rc.getAnnotation(Alias.class);
            if (alias != null) {
                names.addAll(List.of(alias.value()));
            }
            components.add(new RecordShape.Component(
                    rc.getName(), List.copyOf(names), rc.getGenericType(), rc.getType(), flatten));
            if (flatten) {
                if (!rc.getType().isRecord()) {
                    throw new IllegalArgumentException(
                            type.getName() + "." + rc.getName() + " is @Flatten but not a record");
                }
                known.addAll(shape(rc.getType()).known());
            } else {
                known.addAll(names);
                introspectNested(rc.getGenericType());
            }
        }
        Constructor<?> constructor;
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new IllegalArgumentException("no canonical constructor for " + type.getName(), e);
        }
        Map<String, String> lower = new LinkedHashMap<>();
        for (String k : known) {
            lower.putIfAbsent(k.toLowerCase(Locale.ROOT), k);
        }
        Map<String, Integer> indexByName = new HashMap<>();
        for (int i = 0; i < components.size(); i++) {
            RecordShape.Component c = components.get(i);
            if (!c.flatten()) {
                for (String name : c.names()) {
                    indexByName.put(name, i);
                }
            }
        }
        return new RecordShape(
                List.copyOf(components),
                constructor,
                Collections.unmodifiableSet(known),
                lower,
                Map.copyOf(indexByName));
    }

    /**
     * Introspects the records a component holds along with its owner, so that a bad one (a {@code @Flatten} that is
     * not a record) fails the owner's introspection, not a later bind that happens to reach it.
     */
    private void introspectNested(Type type) {
        Class<?> raw = rawType(type);
        if (raw.isRecord()) {
            // a record that holds itself (directly or not) is introspected once, when first reached
            if (!inProgress.contains(raw)) {
                shape(raw);
            }
        } else if (type instanceof ParameterizedType p) {
            for (Type arg : p.getActualTypeArguments()) {
                introspectNested(arg);
            }
        }
    }

    static Class<?> rawType(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof java.lang.reflect.AnnotatedType a) {
            return rawType(a.getType());
        }
        return Object.class;
    }

    static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            Type arg = p.getActualTypeArguments()[index];
            return arg instanceof java.lang.reflect.WildcardType w ? w.getUpperBounds()[0] : arg;
        }
        return Object.class;
    }
}
