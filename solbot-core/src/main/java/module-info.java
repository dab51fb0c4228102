/**
 * solbot's core: the strategy SPI, the domain model, the engine, the ports and the simulated adapters.
 *
 * <p>Every package exported to all modules is API. {@code io.solbot.core.codec} is exported to solbot-persistence only
 * (it writes the lockfiles in the same text forms), and so is {@code io.solbot.core.internal} (for the crash points a
 * test arms, {@code CrashPoints}); those two and {@code io.solbot.core.config.internal}, not exported, may change in any
 * release.
 */
// micrometer.core and org.glassfish.expressly are automatic modules (named in their manifests); solbot-persistence,
// the target of a qualified export, is built after this module
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic", "module"})
module io.solbot.core {
    // MeterRegistry is a parameter of the engine's builder
    requires transitive micrometer.core;
    // config records of strategies and plugins carry Bean Validation annotations (@Valid, @Size, ...)
    requires transitive jakarta.validation;
    requires org.hibernate.validator;
    // Hibernate Validator interpolates its messages with the Expression Language, but requires jakarta.el only
    // "static", and finds the implementation (expressly) through a ServiceLoader: without these two, a module-path
    // application fails on the first validation with HV000183 (surefire's module path happens to resolve both)
    requires jakarta.el;
    requires org.glassfish.expressly;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;
    requires org.slf4j;
    // to keep Hibernate Validator's version line (java.util.logging) off an embedder's console
    requires java.logging;
    // the Jupiter and Solana RPC clients
    requires java.net.http;

    exports io.solbot.core;
    exports io.solbot.core.backtest;
    exports io.solbot.core.config;
    exports io.solbot.core.domain;
    exports io.solbot.core.engine;
    exports io.solbot.core.event;
    exports io.solbot.core.execution;
    exports io.solbot.core.jupiter;
    exports io.solbot.core.market;
    exports io.solbot.core.plugin;
    exports io.solbot.core.safety;
    exports io.solbot.core.solana;
    exports io.solbot.core.solana.account;
    exports io.solbot.core.solana.pubsub;
    exports io.solbot.core.solana.rpc;
    exports io.solbot.core.spi;
    exports io.solbot.core.store;
    exports io.solbot.core.codec to
            io.solbot.persistence;
    // the crash points a test arms with -Dsolbot.crash (the lockfile journal and the fill store have some)
    exports io.solbot.core.internal to
            io.solbot.persistence;

    // Hibernate Validator instantiates the constraint validators
    opens io.solbot.core.config.internal to
            org.hibernate.validator;
    // records Jackson binds: the execution log's lines, the fills and failures in text form
    opens io.solbot.core.execution to
            com.fasterxml.jackson.databind;
    opens io.solbot.core.codec to
            com.fasterxml.jackson.databind;

    uses io.solbot.core.spi.StrategyProvider;
    uses io.solbot.core.safety.SafetyCheck;
}
