package io.solbot.core.testing;

import io.solbot.core.spi.StrategyProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds a strategy plugin jar from Java source text at test time: compiles the sources against solbot-core and
 * writes them with a {@code META-INF/services} entry, the way a plugin author's build would.
 */
public final class PluginJars {
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> services = new ArrayList<>();
    private final List<Path> classPath = new ArrayList<>();
    private String version = "1.0.0";

    private PluginJars() {
        classPath.add(locationOf(StrategyProvider.class));
    }

    public static PluginJars builder() {
        return new PluginJars();
    }

    /** Adds a compilation unit; {@code className} is the fully qualified name of its top-level class. */
    public PluginJars source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** Lists {@code className} in {@code META-INF/services/io.solbot.core.spi.StrategyProvider}. */
    public PluginJars service(String className) {
        services.add(className);
        return this;
    }

    /** Adds the jar or directory that holds {@code type} to the compile class path. */
    public PluginJars classPathOf(Class<?> type) {
        classPath.add(locationOf(type));
        return this;
    }

    /** The {@code Implementation-Version} written to the manifest. */
    public PluginJars version(String version) {
        this.version = version;
        return this;
    }

    /** Compiles and writes {@code dir/jarName}; returns its path. */
    public Path writeTo(Path dir, String jarName) throws IOException {
        Path src = Files.createTempDirectory("plugin-src");
        Path classes = Files.createTempDirectory("plugin-classes");
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            files.add(file.toString());
        }
        // java.util.spi rather than javax.tools: java.base is read by every module, java.compiler is not
        ToolProvider javac =
                ToolProvider.findFirst("javac").orElseThrow(() -> new IllegalStateException("no javac: run on a JDK"));
        List<String> args = new ArrayList<>(List.of(
                "--release",
                "21",
                "-proc:none",
                "-d",
                classes.toString(),
                "-cp",
                String.join(
                        java.io.File.pathSeparator,
                        classPath.stream().map(Path::toString).toList())));
        args.addAll(files);
        StringWriter errors = new StringWriter();
        PrintWriter err = new PrintWriter(errors);
        int rc = javac.run(err, err, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("plugin sources did not compile:\n" + errors);
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        Files.createDirectories(dir);
        Path jar = dir.resolve(jarName);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(
                        new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
            if (!services.isEmpty()) {
                out.putNextEntry(new JarEntry("META-INF/services/" + StrategyProvider.class.getName()));
                out.write((String.join("\n", services) + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The source of a minimal provider class {@code pkg.Name} with the given id, SPI version and capability names,
     * whose strategy does nothing.
     */
    public static String providerSource(String className, String id, int spiVersion, String... capabilities) {
        int dot = className.lastIndexOf('.');
        String pkg = className.substring(0, dot);
        String simple = className.substring(dot + 1);
        StringBuilder caps = new StringBuilder();
        for (String c : capabilities) {
            caps.append(caps.isEmpty() ? "" : ", ")
                    .append("io.solbot.core.spi.Capability.of(\"")
                    .append(c)
                    .append("\")");
        }
        return """
                package %s;

                import io.solbot.core.spi.*;
                import java.util.Set;

                public final class %s implements StrategyProvider<String> {
                    public record Config(String name) {}
                    @Override public String id() { return "%s"; }
                    @Override public int spiVersion() { return %d; }
                    @Override public Class<String> configType() { return String.class; }
                    @Override public Set<Capability> capabilities() { return Set.of(%s); }
                    @Override public Strategy create(String config) { return ctx -> {}; }
                }
                """.formatted(pkg, simple, id, spiVersion, caps);
    }
}
