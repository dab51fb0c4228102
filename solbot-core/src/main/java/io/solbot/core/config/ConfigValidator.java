package io.solbot.core.config;

import io.solbot.core.config.internal.ConfigTypes;
import io.solbot.core.config.internal.CrossFieldValidator.RejectedValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.engine.HibernateConstraintViolation;

/**
 * Runs the Bean Validation constraints of config records (Hibernate Validator) and reports every violation with its
 * field path as written in config files (fields of {@link Flatten} groups without the group's name) and the rejected
 * value.
 *
 * <p>Building one is costly (a {@link ValidatorFactory}); {@link #standard()} is built once and shared. Thread-safe.
 */
public final class ConfigValidator {
    private static final class Holder {
        static final ConfigValidator STANDARD = new ConfigValidator();
    }

    private final Validator validator;
    /**
     * The {@link Flatten} component names of each config type this validator has seen, for {@link #path}. Kept on
     * the type itself ({@link ClassValue}), so that it goes with a plugin's classes and never decides another type's
     * paths.
     */
    private final ClassValue<Set<String>> flattenedNames = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            return new ConfigTypes().flattenedNames(type);
        }
    };

    private ConfigValidator() {
        ValidatorFactory factory = withoutVersionLine(() -> Validation.byProvider(HibernateValidator.class)
                .configure()
                .failFast(false)
                .buildValidatorFactory());
        this.validator = factory.getValidator();
    }

    /**
     * Builds the factory without Hibernate Validator's "HV000001: Hibernate Validator x.y" line.
     *
     * <p>Hibernate Validator logs that line at INFO once per class loader through JBoss Logging, which writes to
     * java.util.logging unless the host has Logback, Log4j or the JBoss LogManager, so the JDK's console handler
     * prints it on an embedder's console whatever the host's slf4j configuration says. Raising that one logger while
     * the factory is built leaves every other java.util.logging line alone, adds no bridge dependency and installs
     * no global handler. A level the host set on that logger wins, and a host whose JBoss Logging goes elsewhere
     * decides through its own configuration.
     */
    private static ValidatorFactory withoutVersionLine(Supplier<ValidatorFactory> build) {
        Logger version = Logger.getLogger("org.hibernate.validator.internal.util.Version");
        if (version.getLevel() != null) {
            return build.get();
        }
        version.setLevel(Level.WARNING);
        try {
            return build.get();
        } finally {
            version.setLevel(null);
        }
    }

    /** The shared instance. */
    public static ConfigValidator standard() {
        return Holder.STANDARD;
    }

    /**
     * Every violation of {@code config}'s constraints, sorted by field path.
     *
     * @param bot the bot's id, for the messages
     */
    public List<Violation> validate(String bot, Object config) {
        Objects.requireNonNull(config, "config");
        Set<String> flattened = flattenedNames.get(config.getClass());
        Set<ConstraintViolation<Object>> found = validator.validate(config);
        List<Violation> out = new ArrayList<>(found.size());
        for (ConstraintViolation<Object> cv : found) {
            out.add(new Violation(bot, path(cv.getPropertyPath(), flattened), rejected(cv), cv.getMessage()));
        }
        out.sort(Comparator.comparing(Violation::path).thenComparing(Violation::reason));
        return out;
    }

    /**
     * Returns {@code config} if it is valid.
     *
     * @throws InvalidConfigException listing every violation
     */
    public <C> C requireValid(String bot, C config) {
        List<Violation> violations = validate(bot, config);
        if (!violations.isEmpty()) {
            throw new InvalidConfigException(violations);
        }
        return config;
    }

    private static Object rejected(ConstraintViolation<Object> cv) {
        HibernateConstraintViolation<?> hv = cv.unwrap(HibernateConstraintViolation.class);
        RejectedValue payload = hv.getDynamicPayload(RejectedValue.class);
        if (payload != null) {
            return payload.value();
        }
        Object value = cv.getInvalidValue();
        return value instanceof Record ? null : value;
    }

    /**
     * The path as config files name it: {@code a.b[2].c}, without the {@code flattened} groups and container-element
     * names.
     */
    static String path(Path path, Set<String> flattened) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (at != null) {
                    out.append('[').append(at).append(']');
                }
            }
            if (node.getKind() != ElementKind.PROPERTY) {
                continue;
            }
            String name = node.getName();
            if (name == null || name.isEmpty() || flattened.contains(name)) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(name);
        }
        return out.toString();
    }
}
