package io.solbot.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.testing.RecordingStrategyContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's try, without a Maven project: each Java block of the README, copied verbatim into a file of its own,
 * compiled with javac against only what the README's Maven snippets list, and run in a JVM of its own (the JDK running
 * this test), checked by what it prints.
 *
 * <p>What "what the snippets list" is, exactly: for a host application (solbot-core, solbot-strategies,
 * solbot-persistence, slf4j-simple), the runtime class path of this module's main dependencies, which are those four
 * (the file the build writes with {@code dependency:build-classpath}; in a reactor build the modules' own {@code
 * target/*.jar}). For the plugin: that class path without solbot-strategies and solbot-persistence (solbot-core at
 * {@code provided} scope brings the rest), and for its test solbot-core's test-jar and JUnit Jupiter, taken from this
 * test's own class path. The plugin becomes a jar with the README's {@code META-INF/services} file and the
 * {@code Implementation-Version} a Maven build writes, found by the discovery example in {@code ./plugins}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeExamplesIT {
    private static final String PLUGIN_VERSION = "1.2.3";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");

    @TempDir
    static Path work;

    private Map<String, String> blocks;
    private List<Path> hostClassPath;
    private List<Path> pluginClassPath;
    private Path pluginClasses;
    private EmbeddedPostgres postgres;

    @BeforeAll
    void compileThePlugin() throws IOException {
        blocks = ReadmeExamples.blocks(ReadmeExamples.readme());
        assertThat(blocks.keySet()).containsExactlyElementsOf(ReadmeExamples.NAMES);
        hostClassPath = readmeClassPath();
        pluginClassPath = hostClassPath.stream()
                .filter(p -> !p.getFileName().toString().startsWith("solbot-strategies")
                        && !p.getFileName().toString().startsWith("solbot-persistence"))
                .toList();
        pluginClasses = compile("plugin", pluginClassPath, "HoldConfig", "HoldProvider");
    }

    @AfterAll
    void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void shouldDiscoverTheBuiltInStrategiesAndThePluginFromItsJar() throws Exception {
        Path jar = pluginJar(work.resolve("run").resolve("plugins"));
        Path classes = compile("discover", hostClassPath, "DiscoverStrategies");
        String out = run(classes, List.of(), "io.solbot.examples.DiscoverStrategies");
        ExampleOutputs.discovered(out, PLUGIN_VERSION, jar.toString());
    }

    @Test
    void shouldPlanABotsFile() throws Exception {
        Path classes = compile("plan", hostClassPath, "PlanBotsFile");
        ExampleOutputs.planned(run(classes, List.of(), "io.solbot.examples.PlanBotsFile"));
    }

    @Test
    void shouldTradeTheBotsOfAFileInRealTime() throws Exception {
        Path classes = compile("run", withPlugin(hostClassPath), "RunBotsFile");
        ExampleOutputs.tradedInRealTime(run(classes, List.of(pluginClasses), "io.solbot.examples.RunBotsFile"));
    }

    @Test
    void shouldFillOnePaperOrder() throws Exception {
        Path classes = compile("paper", hostClassPath, "TradeOnASimulatedMarket");
        ExampleOutputs.tradedOnce(run(classes, List.of(), "io.solbot.examples.TradeOnASimulatedMarket"));
    }

    @Test
    void shouldBacktestAndReplay() throws Exception {
        Path classes = compile("backtest", withPlugin(hostClassPath), "BacktestBotsFile");
        ExampleOutputs.backtested(run(classes, List.of(pluginClasses), "io.solbot.examples.BacktestBotsFile"));
    }

    @Test
    void shouldCheckTokenSafety() throws Exception {
        Path classes = compile("safety", hostClassPath, "CheckTokenSafety");
        ExampleOutputs.checkedSafety(run(classes, List.of(), "io.solbot.examples.CheckTokenSafety"));
    }

    @Test
    void shouldKeepRunsAndTradesInPostgresAndReadThemBack() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE readme");
        }
        String url = postgres.getJdbcUrl("postgres", "readme");
        Path classes = compile("postgres", withPlugin(hostClassPath), "KeepTradesInPostgres");
        String out = run(classes, List.of(pluginClasses), "io.solbot.examples.KeepTradesInPostgres", url, "postgres");
        ExampleOutputs.keptInPostgres(out);
        try (Connection c = postgres.getDatabase("postgres", "readme").getConnection();
                Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM closed_trade WHERE bot_id = 'bonk-hold'"))
                    .isEqualTo(20);
            assertThat(count(
                            s,
                            "SELECT count(*) FROM strategy_run_status WHERE bot_id = 'bonk-hold'"
                                    + " AND status = 'STOPPED'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void shouldPassThePluginsOwnTest() throws Exception {
        List<Path> testClassPath = new ArrayList<>(withPlugin(pluginClassPath));
        for (Class<?> type : List.of(
                RecordingStrategyContext.class,
                org.junit.jupiter.api.Test.class,
                org.opentest4j.AssertionFailedError.class,
                org.apiguardian.api.API.class,
                org.junit.platform.commons.annotation.Testable.class)) {
            testClassPath.add(locationOf(type));
        }
        Path tests = compile("plugin-test", testClassPath, "HoldProviderTest");
        List<Path> runner = new ArrayList<>(testClassPath);
        for (Class<?> type : List.of(
                org.junit.jupiter.engine.JupiterTestEngine.class,
                org.junit.platform.engine.TestEngine.class,
                org.junit.platform.launcher.core.LauncherFactory.class)) {
            runner.add(locationOf(type));
        }
        Path runnerClasses =
                compileSource("runner", runner, "RunTests", RUNNER.formatted("com.example.hold.HoldProviderTest"));
        String out = run(runnerClasses, List.of(tests, pluginClasses), runner, "RunTests");
        assertThat(out).contains("3 tests successful", "0 tests failed");
    }

    /** Runs one test class with JUnit's launcher and exits with 1 unless every test passed. */
    private static final String RUNNER = """
            import java.io.PrintWriter;
            import org.junit.platform.engine.discovery.DiscoverySelectors;
            import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
            import org.junit.platform.launcher.core.LauncherFactory;
            import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
            import org.junit.platform.launcher.listeners.TestExecutionSummary;

            public class RunTests {
                public static void main(String[] args) {
                    SummaryGeneratingListener listener = new SummaryGeneratingListener();
                    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                            .selectors(DiscoverySelectors.selectClass("%s")).build(), listener);
                    TestExecutionSummary summary = listener.getSummary();
                    PrintWriter out = new PrintWriter(System.out, true);
                    summary.printTo(out);
                    summary.printFailuresTo(out, 20);
                    System.exit(summary.getTotalFailureCount() == 0 && summary.getTestsSucceededCount() > 0 ? 0 : 1);
                }
            }
            """;

    private List<Path> withPlugin(List<Path> classPath) {
        List<Path> all = new ArrayList<>(classPath);
        all.add(pluginClasses);
        return all;
    }

    /** The jar a Maven build of the README's plugin makes: its classes, its services file, its version. */
    private Path pluginJar(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path jar = dir.resolve("hold-" + PLUGIN_VERSION + ".jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, PLUGIN_VERSION);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                Stream<Path> files = Files.walk(pluginClasses)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(
                        new JarEntry(pluginClasses.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
            String services = "META-INF/services/io.solbot.core.spi.StrategyProvider";
            out.putNextEntry(new JarEntry(services));
            out.write((blocks.get(services).strip() + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /** Writes the README blocks {@code names} as their files and compiles them; returns the classes directory. */
    private Path compile(String name, List<Path> classPath, String... names) throws IOException {
        Path src = work.resolve(name + "-src");
        List<Path> files = new ArrayList<>();
        for (String example : names) {
            String code = blocks.get(example);
            Matcher pkg = PACKAGE.matcher(code);
            Path dir = pkg.find() ? src.resolve(pkg.group(1).replace('.', '/')) : src;
            Files.createDirectories(dir);
            files.add(Files.writeString(dir.resolve(example + ".java"), code));
        }
        return javac(name, classPath, files);
    }

    private Path compileSource(String name, List<Path> classPath, String className, String code) throws IOException {
        Path src = Files.createDirectories(work.resolve(name + "-src"));
        return javac(name, classPath, List.of(Files.writeString(src.resolve(className + ".java"), code)));
    }

    private Path javac(String name, List<Path> classPath, List<Path> files) throws IOException {
        Path classes = Files.createDirectories(work.resolve(name + "-classes"));
        List<String> args = new ArrayList<>(List.of(
                "--release",
                "21",
                "-Xlint:all",
                "-Werror",
                "-proc:none",
                "-d",
                classes.toString(),
                "-cp",
                joined(classPath)));
        files.forEach(f -> args.add(f.toString()));
        StringWriter errors = new StringWriter();
        int rc = ToolProvider.findFirst("javac")
                .orElseThrow()
                .run(new PrintWriter(errors), new PrintWriter(errors), args.toArray(String[]::new));
        assertThat(errors.toString()).as("javac of %s", files).isEmpty();
        assertThat(rc).as("javac of %s", files).isZero();
        return classes;
    }

    private String run(Path classes, List<Path> more, String mainClass, String... args) throws Exception {
        return run(classes, more, hostClassPath, mainClass, args);
    }

    /** Runs {@code mainClass} in a JVM of its own, in {@code work/run}; returns what it printed, checking it exited 0. */
    private String run(Path classes, List<Path> more, List<Path> classPath, String mainClass, String... args)
            throws Exception {
        List<Path> all = new ArrayList<>();
        all.add(classes);
        all.addAll(more);
        all.addAll(classPath);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", joined(all), mainClass));
        command.addAll(List.of(args));
        Path dir = Files.createDirectories(work.resolve("run"));
        Path log = Files.createTempFile(work, mainClass, ".err");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectError(log.toFile())
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.println("== " + mainClass + "\n" + out + Files.readString(log));
        assertThat(process.exitValue())
                .as("exit of %s; printed:%n%s%n%s", mainClass, out, Files.readString(log))
                .isZero();
        return out;
    }

    /** The runtime class path of the README's dependencies, as the build wrote it. */
    private static List<Path> readmeClassPath() throws IOException {
        Path file = Path.of(System.getProperty("solbot.examples.classPathFile", "target/readme-class-path.txt"));
        return Stream.of(Files.readString(file).strip().split(File.pathSeparator))
                .map(Path::of)
                .toList();
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String joined(List<Path> paths) {
        return String.join(
                File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
