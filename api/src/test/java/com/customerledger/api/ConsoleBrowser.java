package com.customerledger.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the console's browser tests share: headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * which {@code .ci/run} installs when missing; {@code -Dconsole.chromium}, {@code -Dconsole.chromedriver} elsewhere)
 * driven by Selenium, in Chinese, on the embedded ledger; logging in through the form; screenshots to
 * {@code target/screenshots} or {@code -Dconsole.screenshots=docs/screenshots} for the README's. A test is skipped,
 * saying why, where no browser is.
 */
abstract class ConsoleBrowser extends EmbeddedLedgerTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SHOTS = Path.of(System.getProperty("console.screenshots", "target/screenshots"));

    protected WebDriver browser;

    /** A browser window of this size, or the test skipped when there is no browser. */
    protected WebDriver open(int width, int height) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "no headless browser here: "
                + CHROMIUM + " or " + DRIVER + " is missing (apt-get install chromium chromium-driver; .ci/run does)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=zh-CN",
                        "--window-size=" + width + "," + height)
                .setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
        browser.manage().window().setSize(new Dimension(width, height));
        return browser;
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    protected WebDriverWait waiting(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    /** Logs in through the form as {@code user}; a previous user's session goes with its cookies. */
    protected void login(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        waiting(15).until(ExpectedConditions.urlMatches(".*/console$"));
    }

    protected void shot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    protected Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }
}
