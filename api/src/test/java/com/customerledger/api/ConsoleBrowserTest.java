package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser: headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs when missing) driven by Selenium. A rep on a phone-sized window logs in and records a
 * visit; an auditor reads a customer's timeline as of an earlier time. Screenshots go to {@code target/screenshots}
 * (or {@code -Dconsole.screenshots=docs/screenshots} for the README's). Skipped, saying why, where no browser is.
 */
class ConsoleBrowserTest extends ConsoleBrowser {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void aRepOnAPhoneLogsInAndRecordsAVisit() throws IOException {
        open(360, 800);
        registerRep("rep-a", 1000);
        Api.Response registered = api.post("manager", "/api/customers", newCustomer("rep-a"));
        String customerId = registered.text("customerId");
        String name = api.get("manager", "/api/customers/" + customerId + "?minPosition=" + registered.position()).text("name");

        browser.get(url("/login"));
        shot("login");
        login("rep-a", "rep-a-pass");
        browser.get(url("/console/my"));
        WebElement card = new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions
                .elementToBeClickable(By.xpath("//a[contains(@href, '/console/customers/" + customerId + "')]")));
        // nothing wider than the phone: no sideways scrolling
        long scrollWidth = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        assertThat(scrollWidth).isLessThanOrEqualTo(360);
        shot("rep-my-customers");
        card.click();
        assertThat(browser.findElement(By.id("customer-name")).getText()).isEqualTo(name);
        WebElement save = browser.findElement(By.id("save-visit"));
        assertThat(save.getSize().getHeight()).as("a touch target").isGreaterThanOrEqualTo(44);
        String notes = "母猪存栏600头，想试用教槽料";
        browser.findElement(By.id("notes")).sendKeys(notes);
        shot("rep-customer-360");
        save.click();
        WebElement timeline = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("visits")));
        assertThat(timeline.getText()).contains(notes);
        assertThat(browser.findElement(By.className("notice")).getText()).contains("拜访已记录");
        assertThat(storedEventIds("customer:" + customerId)).hasSize(2);
        shot("rep-visit-recorded");
    }

    @Test
    void anAuditorReadsACustomersTimelineAsOfAnEarlierTime() throws IOException {
        open(1280, 900);
        registerRep("rep-a", 1000);
        registerRep("rep-b", 1000);
        Api.Response registered = api.post("manager", "/api/customers", newCustomer("rep-a"));
        String customerId = registered.text("customerId");
        String name = api.get("auditor", "/api/customers/" + customerId + "?minPosition=" + registered.position()).text("name");
        awaitClockPast(Instant.now().plusSeconds(1));
        Instant before = Instant.now();
        awaitClockPast(before.plusSeconds(1));
        Api.Response moved = api.post("manager", "/api/customers/" + customerId + "/transfer", Map.of("toRepId", "rep-b",
                "reason", "DISPUTE", "note", "撞单裁定"));
        assertThat(moved.status()).isEqualTo(200);
        api.get("auditor", "/api/customers/" + customerId + "/ownership?minPosition=" + moved.position());

        login("auditor", "auditor-pass");
        browser.get(url("/console/audit"));
        browser.findElement(By.id("q")).sendKeys(name);
        browser.findElement(By.id("find")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions
                .elementToBeClickable(By.xpath("//a[contains(@href, '/console/audit/customers/" + customerId + "')]"))).click();
        WebElement timeline = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline")));
        assertThat(timeline.findElements(By.className("bar"))).hasSize(2);
        assertThat(browser.findElement(By.id("periods")).getText()).contains("rep-a", "rep-b", "DISPUTE", "manager");
        assertThat(browser.findElements(By.id("visit"))).isEmpty();
        shot("auditor-timeline");

        String earlier = LocalDateTime.ofInstant(before.truncatedTo(ChronoUnit.SECONDS), ZONE).toString();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('asOf').value = arguments[0]", earlier);
        browser.findElement(By.id("show")).click();
        WebElement ownerAt = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("owner-at")));
        assertThat(ownerAt.findElement(By.tagName("b")).getText()).isEqualTo("rep-a");
        shot("auditor-as-of");

        browser.get(url("/console/audit/verify"));
        assertThat(browser.findElement(By.id("outcome")).getText()).isNotBlank();
        shot("auditor-verify");
    }
}
