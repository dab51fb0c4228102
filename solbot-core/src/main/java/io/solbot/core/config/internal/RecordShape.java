package io.solbot.core.config.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the {@link Binder} knows of one config record type, from {@link ConfigTypes#shape}.
 *
 * @param components the record's components, in declaration order
 * @param constructor its canonical constructor, made accessible
 * @param known the field names it accepts: components' names and aliases, the fields of {@code @Flatten} groups in
 *     their place
 * @param knownByLowerCase {@code known} by lower case, for "did you mean"
 * @param indexByName the index of the component each accepted name of a non-flattened component binds
 */
record RecordShape(
        List<Component> components,
        Constructor<?> constructor,
        Set<String> known,
        Map<String, String> knownByLowerCase,
        Map<String, Integer> indexByName) {

    /**
     * One record component.
     *
     * @param name its name
     * @param names its name and its aliases
     * @param type its generic type
     * @param raw its class
     * @param flatten whether it is a {@code @Flatten} group, read from its owner's object
     */
    record Component(String name, List<String> names, Type type, Class<?> raw, boolean flatten) {}
}
