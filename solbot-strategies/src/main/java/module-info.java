/**
 * solbot's built-in strategies, one package each, each a {@link io.solbot.core.spi.StrategyProvider}.
 */
module io.solbot.strategies {
    requires transitive io.solbot.core;
    requires org.slf4j;

    exports io.solbot.strategies.breakout;
    exports io.solbot.strategies.chadmode;
    exports io.solbot.strategies.common;
    exports io.solbot.strategies.copytrade;
    exports io.solbot.strategies.dca;
    exports io.solbot.strategies.delayedsniper;
    exports io.solbot.strategies.dipbuyer;
    exports io.solbot.strategies.grid;
    exports io.solbot.strategies.limit;
    exports io.solbot.strategies.papertrader;
    exports io.solbot.strategies.rebalancer;
    exports io.solbot.strategies.rotationbot;
    exports io.solbot.strategies.scalper;
    exports io.solbot.strategies.schedulelauncher;
    exports io.solbot.strategies.sniper;
    exports io.solbot.strategies.stealthbot;
    exports io.solbot.strategies.tpsl;
    exports io.solbot.strategies.trendfollower;
    exports io.solbot.strategies.turbopapertrader;
    exports io.solbot.strategies.turbosniper;

    // Hibernate Validator reads the config records' fields
    opens io.solbot.strategies.breakout to
            org.hibernate.validator;
    opens io.solbot.strategies.chadmode to
            org.hibernate.validator;
    opens io.solbot.strategies.common to
            org.hibernate.validator;
    opens io.solbot.strategies.copytrade to
            org.hibernate.validator;
    opens io.solbot.strategies.dca to
            org.hibernate.validator;
    opens io.solbot.strategies.delayedsniper to
            org.hibernate.validator;
    opens io.solbot.strategies.dipbuyer to
            org.hibernate.validator;
    opens io.solbot.strategies.grid to
            org.hibernate.validator;
    opens io.solbot.strategies.limit to
            org.hibernate.validator;
    opens io.solbot.strategies.papertrader to
            org.hibernate.validator;
    opens io.solbot.strategies.rebalancer to
            org.hibernate.validator;
    opens io.solbot.strategies.rotationbot to
            org.hibernate.validator;
    opens io.solbot.strategies.scalper to
            org.hibernate.validator;
    opens io.solbot.strategies.schedulelauncher to
            org.hibernate.validator;
    opens io.solbot.strategies.sniper to
            org.hibernate.validator;
    opens io.solbot.strategies.stealthbot to
            org.hibernate.validator;
    opens io.solbot.strategies.tpsl to
            org.hibernate.validator;
    opens io.solbot.strategies.trendfollower to
            org.hibernate.validator;
    opens io.solbot.strategies.turbopapertrader to
            org.hibernate.validator;
    opens io.solbot.strategies.turbosniper to
            org.hibernate.validator;

    // the same list as META-INF/services, which the class path reads (ServiceRegistrationTest keeps them equal)
    provides io.solbot.core.spi.StrategyProvider with
            io.solbot.strategies.sniper.SniperProvider,
            io.solbot.strategies.scalper.ScalperProvider,
            io.solbot.strategies.breakout.BreakoutProvider,
            io.solbot.strategies.dipbuyer.DipBuyerProvider,
            io.solbot.strategies.delayedsniper.DelayedSniperProvider,
            io.solbot.strategies.trendfollower.TrendFollowerProvider,
            io.solbot.strategies.chadmode.ChadModeProvider,
            io.solbot.strategies.rotationbot.RotationBotProvider,
            io.solbot.strategies.rebalancer.RebalancerProvider,
            io.solbot.strategies.stealthbot.StealthBotProvider,
            io.solbot.strategies.papertrader.PaperTraderProvider,
            io.solbot.strategies.turbopapertrader.TurboPaperTraderProvider,
            io.solbot.strategies.turbosniper.TurboSniperProvider,
            io.solbot.strategies.schedulelauncher.ScheduleLauncherProvider,
            io.solbot.strategies.dca.DcaProvider,
            io.solbot.strategies.limit.LimitProvider,
            io.solbot.strategies.grid.GridProvider,
            io.solbot.strategies.tpsl.TpSlProvider,
            io.solbot.strategies.copytrade.CopyTradeProvider;
}
