package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin's console in a real browser (headless Chromium driven by Selenium, as {@link ConsoleBrowserTest}): the
 * admin adds a rule in the form, previews it and reads who would move and each rep's load before and after, publishes
 * it, then replays a projection and watches the table (htmx, polling) until every projection is back at the head.
 * Screenshots {@code admin-*.png} go to {@code target/screenshots} or {@code -Dconsole.screenshots}. Skipped, saying
 * why, where no browser is.
 */
class AdminConsoleBrowserTest extends ConsoleBrowser {

    @Test
    void anAdminEditsARulePreviewsTheMovesPublishesAndWatchesAReplayFinish() throws IOException {
        open(1280, 1000);
        String unique = UUID.randomUUID().toString().substring(0, 6);
        String province = "演示省" + unique;
        String from = "adm-b-from-" + unique;
        String to = "adm-b-to-" + unique;
        for (String repId : List.of(from, to)) {
            assertThat(api.post("admin", "/api/reps", Map.of("repId", repId, "name", "代表" + repId,
                    "regions", List.of(Map.of("province", province)), "productLines", List.of("feed"),
                    "customerTypes", List.of("FARM"), "capacity", 100)).status()).isEqualTo(201);
        }
        String customerId = null;
        long position = 0;
        for (int i = 0; i < 2; i++) {
            Map<String, Object> body = new java.util.HashMap<>(newCustomer(from));
            body.put("region", Map.of("province", province));
            Api.Response registered = api.post("manager", "/api/customers", body);
            customerId = registered.text("customerId");
            position = registered.position();
        }
        api.get("admin", "/api/customers/" + customerId + "?minPosition=" + position);

        login("admin", "admin-pass");
        browser.findElement(By.id("nav-rules")).click();
        waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("rules")));
        assertThat(browser.findElements(By.id("publish-button"))).as("no publishing before a preview").isEmpty();

        // the form ends with an empty row: the new rule goes there
        browser.findElement(By.id("add-rule")).click();
        List<WebElement> rows = browser.findElements(By.cssSelector("#rule-rows tbody tr"));
        WebElement row = rows.get(rows.size() - 1);
        row.findElement(By.cssSelector("input[name$='.ruleId']")).sendKeys("demo-" + unique);
        row.findElement(By.cssSelector("input[name$='.province']")).sendKeys(province);
        new Select(row.findElement(By.cssSelector("select[name$='.type']"))).selectByValue("FARM");
        row.findElement(By.cssSelector("input[name$='.candidates']")).sendKeys(to);
        new Select(row.findElement(By.cssSelector("select[name$='.strategy']"))).selectByValue("FIXED");
        browser.findElement(By.id("focus")).sendKeys(to);
        shot("admin-rules");
        browser.findElement(By.id("preview-button")).click();

        WebElement preview = waiting(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("preview")));
        assertThat(browser.findElement(By.id("load-" + from)).getText()).contains(from + " 2 0 -2");
        assertThat(browser.findElement(By.id("load-" + to)).getText()).contains(to + " 0 2 +2");
        assertThat(browser.findElement(By.id("move-" + customerId)).getText()).contains(from, to, "demo-" + unique);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", preview);
        shot("admin-preview");
        browser.findElement(By.id("publish-button")).click();
        WebElement notice = waiting(15).until(ExpectedConditions.visibilityOfElementLocated(By.className("notice")));
        assertThat(notice.getText()).contains("规则已发布为新版本");
        assertThat(browser.findElement(By.id("versions")).getText()).contains("admin");
        assertThat(api.get("admin", "/api/policies/assignment").body().get("rules").toString()).contains("demo-" + unique);

        browser.get(url("/console/admin/policies"));
        Map<String, String> thresholds = Map.of("S-minVolume", "2000000", "S-minMargin", "200000", "S-minActiveMonths", "10",
                "A-minVolume", "500000", "A-minMargin", "50000", "A-minActiveMonths", "6",
                "B-minVolume", "100000", "B-minMargin", "10000", "B-minActiveMonths", "3");
        thresholds.forEach((field, value) -> {
            WebElement input = browser.findElement(By.id(field));
            input.clear();
            input.sendKeys(value);
        });
        browser.findElement(By.id("save-grading")).click();
        assertThat(waiting(15).until(ExpectedConditions.visibilityOfElementLocated(By.className("notice"))).getText())
                .contains("评级门槛已保存为新版本");
        assertThat(browser.findElement(By.id("S-minVolume")).getAttribute("value")).isEqualTo("2000000");
        shot("admin-policies");

        browser.findElement(By.id("nav-projections")).click();
        waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("projections")));
        browser.findElement(By.id("replay-customer-view")).click();
        // htmx swaps the table in place: the replay's notice, then polling until every projection is at the head
        waiting(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("replay-started")));
        WebElement atHead = waiting(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("all-at-head")));
        assertThat(atHead.getText()).contains("所有读模型都已追上末位");
        assertThat(browser.findElement(By.cssSelector("#projection-customer-view .lag")).getText()).isEqualTo("0");
        assertThat(browser.getCurrentUrl()).as("the page itself never reloaded").endsWith("/console/admin/projections");
        shot("admin-projections");
    }
}
