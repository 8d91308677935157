package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The manager's console in a real browser (headless Chromium driven by Selenium, as {@link ConsoleBrowserTest}): a
 * manager reads a rep's portfolio, records the rep's departure from the form and watches the progress bar, which htmx
 * polls in place, reach done with the outcome; and reads the charts drawn by Chart.js. Screenshots
 * {@code manager-*.png} go to {@code target/screenshots} (or {@code -Dconsole.screenshots=…}). Skipped, saying why,
 * where no browser is.
 */
class ManagerConsoleBrowserTest extends ConsoleBrowser {

    /** A rep with {@code count} customers (some graded), once the reads have them. */
    private String repWithCustomers(String prefix, int count) {
        String repId = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        registerRep(repId, 1000);
        long position = 0;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Api.Response registered = api.post("manager", "/api/customers", newCustomer(repId));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            ids.add(registered.text("customerId"));
            position = registered.position();
        }
        for (int i = 0; i < ids.size(); i += 3) {
            position = api.post("manager", "/api/customers/" + ids.get(i) + "/grade",
                    Map.of("grade", i % 2 == 0 ? "A" : "S", "reason", "年采购额")).position();
        }
        api.get("manager", "/api/reps/" + repId + "/portfolio?minPosition=" + position);
        api.get("manager", "/api/reps?minPosition=" + position);
        return repId;
    }

    @Test
    void aManagerRecordsADepartureAndWatchesItsProgressBarReachDone() throws IOException {
        open(1280, 900);
        int customers = 12;
        String leaving = repWithCustomers("leaving", customers);
        String successor = "succ-" + UUID.randomUUID().toString().substring(0, 6);
        api.get("manager", "/api/reps?minPosition=" + registerRep(successor, 1000));

        login("manager", "manager-pass");
        browser.get(url("/console/team"));
        new Select(browser.findElement(By.id("repId"))).selectByValue(leaving);
        browser.findElement(By.id("apply")).click();
        WebElement book = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("book")));
        assertThat(book.findElements(By.cssSelector("tbody tr"))).hasSize(customers);
        shot("manager-portfolios");
        new Select(browser.findElement(By.id("grade"))).selectByValue("A");
        browser.findElement(By.id("apply")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("grade=A"));
        assertThat(browser.findElement(By.id("book")).findElements(By.cssSelector("tbody tr"))).hasSize(2);

        browser.get(url("/console/team/transfers"));
        new Select(browser.findElement(By.id("departure-rep"))).selectByValue(leaving);
        new Select(browser.findElement(By.id("departure-successor"))).selectByValue(successor);
        browser.findElement(By.id("departure-reason")).sendKeys("辞职，客户交接给" + successor);
        shot("manager-departure-form");
        browser.findElement(By.id("start-departure")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/console/team/transfers/dep-"));
        // a mark on this page: if it survives until the bar is done, htmx updated the bar in place (no reload)
        script("window.stillThisPage = true");
        assertThat(browser.findElement(By.id("progress")).isDisplayed()).isTrue();
        shot("manager-departure-progress");
        WebElement progress = new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions
                .presenceOfElementLocated(By.cssSelector("#progress[data-status='COMPLETED']")));
        assertThat(script("return window.stillThisPage === true")).isEqualTo(true);
        assertThat(progress.findElement(By.id("percent")).getText()).isEqualTo("100%");
        assertThat(progress.findElement(By.id("moved")).getText()).isEqualTo(String.valueOf(customers));
        assertThat(progress.findElement(By.id("failed")).getText()).isEqualTo("0");
        assertThat(progress.findElement(By.id("batch-status")).getText()).isEqualTo("已完成");
        assertThat(progress.getAttribute("hx-get")).as("a done batch polls no more").isNull();
        shot("manager-departure-done");
        assertThat(api.get("manager", "/api/reps/" + successor).body().get("load").asLong()).isEqualTo(customers);
    }

    @Test
    void aManagerReadsTheChartsAndThePool() throws IOException {
        open(1280, 1600);
        String rep = repWithCustomers("charted", 3);
        Api.Response pooled = api.post("manager", "/api/customers", newCustomer(null));
        List<String> opportunities = new ArrayList<>();
        long position = pooled.position();
        for (String customerId : api.get("manager", "/api/reps/" + rep + "/portfolio").body().get("owned").get("items")
                .findValuesAsText("customerId")) {
            Api.Response opened = api.post("manager", "/api/opportunities", Map.of("customerId", customerId, "productLine", "feed"));
            opportunities.add(opened.text("opportunityId"));
            position = opened.position();
        }
        position = api.post("manager", "/api/opportunities/" + opportunities.get(0) + "/stage",
                Map.of("stage", "QUOTED")).position();
        api.get("manager", "/api/funnel?minPosition=" + position);
        api.get("manager", "/api/analytics/customers-by-region?minPosition=" + position);
        api.get("manager", "/api/pool?minPosition=" + position);

        login("manager", "manager-pass");
        browser.get(url("/console/team/charts"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> "drawn".equals(
                ((JavascriptExecutor) driver).executeScript("return document.body.getAttribute('data-charts')")));
        // Chart.js drew into each canvas (its chart registry knows all three)
        assertThat(script("return ['funnel-chart','regions-chart','leaderboard-chart']"
                + ".filter(function (id) { return Chart.getChart(id) !== undefined; }).length")).isEqualTo(3L);
        assertThat(browser.findElement(By.id("regions-table")).getText()).contains("山东省");
        shot("manager-charts");

        browser.get(url("/console/team/pool"));
        assertThat(browser.findElement(By.id("pool")).getText()).isNotBlank();
        assertThat(browser.findElements(By.className("assign-button"))).isNotEmpty();
        shot("manager-pool");
    }
}
