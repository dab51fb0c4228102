package io.solbot.core.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * What a module shows other modules, as its compiled {@code module-info} declares it, and the ArchUnit rules that keep
 * to it: other modules use only the packages it exports to them, and its exported API shows no type of a package it
 * does not export. The rules go by the descriptor's {@code exports}, never by class names.
 *
 * <p>The descriptor is read from the module itself when it runs as a named module, and from the {@code module-info.class}
 * of its jar or classes directory when it runs on the class path, so the rules hold either way. A module's packages are
 * its name and the packages below it ({@code io.solbot.core}, {@code io.solbot.core.spi}, ...).
 */
public final class ModuleApi {
    private final ModuleDescriptor descriptor;

    private ModuleApi(ModuleDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /** The module that holds {@code member}. */
    public static ModuleApi of(Class<?> member) {
        Module module = member.getModule();
        return of(module.isNamed() ? module.getDescriptor() : readDescriptor(member));
    }

    /** The module {@code descriptor} declares, for a module without a {@code module-info} or for tests of the rules. */
    public static ModuleApi of(ModuleDescriptor descriptor) {
        return new ModuleApi(descriptor);
    }

    /** The module's name. */
    public String name() {
        return descriptor.name();
    }

    /** Whether {@code packageName} is one of this module's packages. */
    public boolean contains(String packageName) {
        return packageName.equals(name()) || packageName.startsWith(name() + ".");
    }

    /** Whether the module exports {@code packageName} to every module, or by name to {@code reader}. */
    public boolean exportsTo(String packageName, String reader) {
        return descriptor.exports().stream()
                .anyMatch(e -> e.source().equals(packageName)
                        && (!e.isQualified() || e.targets().contains(reader)));
    }

    /** Whether the module exports {@code packageName} to every module. */
    public boolean exportsToAll(String packageName) {
        return descriptor.exports().stream().anyMatch(e -> e.source().equals(packageName) && !e.isQualified());
    }

    /** The classes the module declares as providers of {@code service} ({@code provides ... with}), in order. */
    public List<String> providersOf(Class<?> service) {
        return descriptor.provides().stream()
                .filter(p -> p.service().equals(service.getName()))
                .flatMap(p -> p.providers().stream())
                .toList();
    }

    /**
     * Fails when a class of module {@code reader} (its packages: {@code reader} and below) depends on a class of this
     * module that this module does not export to it.
     */
    public ArchRule usedOnlyThroughItsExportsBy(String reader) {
        DescribedPredicate<JavaClass> notExported = DescribedPredicate.describe(
                "are in " + name() + " but in a package it does not export to " + reader,
                c -> contains(c.getPackageName()) && !exportsTo(c.getPackageName(), reader));
        return noClasses()
                .that()
                .resideInAPackage(reader + "..")
                .should()
                .dependOnClassesThat(notExported)
                .because(name() + "'s other packages are internal: they change without notice");
    }

    /**
     * Fails when a public or protected member (field, constructor, method: its types, type arguments included, and
     * what it throws) or a supertype of an exported public class names a class of this module that the module does not
     * export to every module. A package exported to some modules only may show its own types.
     */
    public ArchRule showsOnlyExportedTypesInItsApi() {
        DescribedPredicate<JavaClass> exportedApi = DescribedPredicate.describe(
                "are public in a package " + name() + " exports",
                c -> isVisible(c)
                        && descriptor.exports().stream()
                                .anyMatch(e -> e.source().equals(c.getPackageName())));
        return classes()
                .that(exportedApi)
                .should(new ArchCondition<>("show only types " + name() + " exports") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        Set<JavaClass> shown = new LinkedHashSet<>();
                        type.getRawSuperclass().ifPresent(shown::add);
                        shown.addAll(type.getRawInterfaces());
                        for (JavaField field : type.getFields()) {
                            if (isApi(field)) {
                                shown.addAll(field.getType().getAllInvolvedRawTypes());
                            }
                        }
                        for (JavaCodeUnit unit : type.getCodeUnits()) {
                            if (isApi(unit)) {
                                unit.getParameterTypes().forEach(t -> shown.addAll(t.getAllInvolvedRawTypes()));
                                shown.addAll(unit.getReturnType().getAllInvolvedRawTypes());
                                shown.addAll(unit.getThrowsClause().getTypes());
                            }
                        }
                        for (JavaClass s : shown) {
                            JavaClass base = s.isArray() ? s.getBaseComponentType() : s;
                            String pkg = base.getPackageName();
                            if (contains(pkg) && !pkg.equals(type.getPackageName()) && !exportsToAll(pkg)) {
                                events.add(SimpleConditionEvent.violated(
                                        type, type.getName() + " shows " + base.getName() + ", which is internal"));
                            }
                        }
                    }
                })
                .because("a caller cannot use, and should not hold, a type of a package that is not exported");
    }

    private static boolean isVisible(JavaClass type) {
        return type.getModifiers().contains(JavaModifier.PUBLIC)
                && type.getEnclosingClass().map(ModuleApi::isVisible).orElse(true);
    }

    private static boolean isApi(JavaMember member) {
        Set<JavaModifier> modifiers = member.getModifiers();
        boolean subclassable = !member.getOwner().getModifiers().contains(JavaModifier.FINAL);
        return modifiers.contains(JavaModifier.PUBLIC) || (subclassable && modifiers.contains(JavaModifier.PROTECTED));
    }

    private static ModuleDescriptor readDescriptor(Class<?> member) {
        Path location;
        try {
            location = Path.of(
                    member.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try {
            if (Files.isDirectory(location)) {
                try (InputStream in = Files.newInputStream(location.resolve("module-info.class"))) {
                    return ModuleDescriptor.read(in);
                }
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                ZipEntry entry = jar.getEntry("module-info.class");
                if (entry == null) {
                    throw new IllegalStateException(location + " holds no module-info.class");
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    return ModuleDescriptor.read(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the module descriptor in " + location, e);
        }
    }
}
