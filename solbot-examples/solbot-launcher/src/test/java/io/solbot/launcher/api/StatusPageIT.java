package io.solbot.launcher.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.solbot.cluster.BotOwner;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.testing.Fills;
import io.solbot.persistence.FillRecord;
import io.solbot.persistence.PostgresTradeLedger;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The status page in a real browser: Debian's headless Chromium, driven through chromedriver by Selenium, both given
 * by path so that nothing is downloaded. {@code .ci/run} installs the {@code chromium} and {@code chromium-driver}
 * packages; on a machine without them the test is skipped and says so.
 */
@DisabledOnOs(OS.WINDOWS)
class StatusPageIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    // held, so that the level set on it stays: the logger itself is only weakly referenced
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");
    private static final Mint BONK = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");

    @TempDir
    Path tmp;

    @Test
    void shouldShowTheBotsLiveAndPauseAndResumeOneFromItsButtons() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver packages (.ci/run installs them)");
        // Selenium's own lines about the browser session are for debugging it, not for the test's output
        SELENIUM_LOG.setLevel(Level.SEVERE);
        try (ApiFixture fixture = new ApiFixture(tmp.resolve("pgdata"), FeedSocket.CAPACITY)) {
            fixture.engine.start(BotSpec.from(fixture.maCross("page-1")));
            fixture.engine.start(BotSpec.from(fixture.maCross("page-2")));
            Instant t0 = Instant.now().minusSeconds(600);
            PostgresTradeLedger ledger = new PostgresTradeLedger(fixture.db);
            TokenAmount tokens = TokenAmount.of(1_000_000, 5);
            ledger.record(new FillRecord(
                    "ma-cross",
                    Fills.buy(BONK, Lamports.of(100_000_000), tokens)
                            .bot("page-1")
                            .order("o-1")
                            .at(t0)
                            .build(),
                    "entry"));
            ledger.record(new FillRecord(
                    "ma-cross",
                    Fills.sell(BONK, tokens, Lamports.of(112_500_000))
                            .bot("page-1")
                            .order("o-2")
                            .at(t0.plusSeconds(60))
                            .build(),
                    "take-profit"));

            WebDriver browser = chromium();
            try {
                browser.get("http://127.0.0.1:" + fixture.port + "/#token=" + ApiFixture.TOKEN);
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                By page1 = By.cssSelector("td[data-status-of='page-1']");
                By page2 = By.cssSelector("td[data-status-of='page-2']");
                wait.until(ExpectedConditions.textToBe(page1, "RUNNING"));
                wait.until(ExpectedConditions.textToBe(By.id("connection"), "live"));
                // the token left the address bar once read
                assertThat(browser.getCurrentUrl()).doesNotContain(ApiFixture.TOKEN);
                // PnL per bot, and its trade among the recent ones
                assertThat(row(browser, "page-1")).contains("+0.012500000");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#trades tbody"), "take-profit"));

                browser.findElement(By.cssSelector("button[data-action='pause'][data-bot='page-1']"))
                        .click();
                wait.until(ExpectedConditions.textToBe(page1, "PAUSED"));
                assertThat(fixture.engine.status(BotId.of("page-1")).status()).isEqualTo(RunStatus.PAUSED);
                assertThat(browser.findElement(page2).getText()).isEqualTo("RUNNING");
                wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("button[data-action='resume'][data-bot='page-1']")));

                browser.findElement(By.cssSelector("button[data-action='resume'][data-bot='page-1']"))
                        .click();
                wait.until(ExpectedConditions.textToBe(page1, "RUNNING"));
                assertThat(fixture.engine.status(BotId.of("page-1")).status()).isEqualTo(RunStatus.RUNNING);

                // a change made elsewhere reaches the page through the feed: its event log shows it
                fixture.engine.pause(BotId.of("page-2"));
                wait.until(ExpectedConditions.textToBe(page2, "PAUSED"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), "paused"));
                assertThat(browser.findElement(By.id("log")).getText())
                        .contains("page-1")
                        .contains("resumed");
                assertThat(browser.findElement(By.id("message")).getText()).isEmpty();

                Path shot = ((ChromeDriver) browser)
                        .getScreenshotAs(OutputType.FILE)
                        .toPath();
                Files.copy(shot, Path.of("target", "status-page.png"), StandardCopyOption.REPLACE_EXISTING);

                // a launcher that runs no node of a cluster shows no Node column; a node's page does
                assertThat(browser.findElement(By.id("node-column")).isDisplayed())
                        .isFalse();
                List<BotOwner> owners = List.of(
                        new BotOwner(BotId.of("page-1"), Optional.of("node-b"), 7, Optional.of(Instant.now())),
                        new BotOwner(BotId.of("page-2"), Optional.empty(), 3, Optional.empty()));
                try (OperatorApi node =
                        fixture.api(fixture.db, FeedSocket.CAPACITY).cluster("node-a", () -> owners)) {
                    int port = node.start("127.0.0.1", 0);
                    browser.get("http://127.0.0.1:" + port + "/#token=" + ApiFixture.TOKEN);
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector("tr[data-bot='page-1']"), "node-b (v7, beat "));
                    assertThat(browser.findElement(By.id("node-column")).isDisplayed())
                            .isTrue();
                    assertThat(row(browser, "page-2")).contains("none (between slices)");
                }
            } finally {
                browser.quit();
            }
        }
    }

    private static String row(WebDriver browser, String bot) {
        return browser.findElement(By.cssSelector("tr[data-bot='" + bot + "']")).getText();
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(List.of(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--disable-gpu",
                        "--window-size=1400,900",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        return new ChromeDriver(service, options);
    }
}
