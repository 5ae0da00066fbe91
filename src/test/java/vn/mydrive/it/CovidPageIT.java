package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import vn.mydrive.covid.DailyFigure;
import vn.mydrive.covid.SnapshotLoader;

/** The lookup page in a real browser: a name typed without diacritics, then with a day, then an unknown one. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CovidPageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void lookUpByNameByDayAndAnUnknownName() {
        try {
            lookups();
        } catch (AssertionError | RuntimeException e) {
            browser.saveEvidence("covid-page");
            throw e;
        }
    }

    private void lookups() {
        String name = new Accounts(new ApiClient(deployment)).register(Accounts.uniqueName("lookup"));
        String base = Deployments.loopback(deployment);
        browser.open(base + "login.xhtml");
        browser.type(By.id("signIn:username"), name);
        browser.type(By.id("signIn:password"), Accounts.PASSWORD);
        browser.visible(By.id("signIn:submit")).click();
        browser.waitForUrl("app/drive.xhtml");
        browser.visible(By.id("navCovid")).click();
        browser.waitForUrl("app/covid.xhtml");
        NumberFormat english = NumberFormat.getIntegerInstance(Locale.ENGLISH);

        // The bundled data is loaded by the first refresh, a moment after start-up.
        long total = SnapshotLoader.daily().stream().filter(f -> f.code() == 4 && f.newCases() != null)
                .mapToLong(DailyFigure::newCases).sum();
        lookUp("da nang", "");
        browser.waitForText(By.id("lookup:answer"), "Đà Nẵng: total cases " + english.format(total));
        assertTrue(browser.visible(By.id("lookup:chart")).isDisplayed());
        assertTrue(browser.visible(By.id("freshness")).getText().contains("snapshot"));

        DailyFigure day = SnapshotLoader.daily().stream()
                .filter(f -> f.code() == 4 && f.date().equals(LocalDate.of(2021, 8, 10))).findFirst().orElseThrow();
        lookUp("da nang", "10-08-2021");
        browser.waitForText(By.id("lookup:answer"), "Đà Nẵng: new cases (10-08-2021) " + english.format(day.newCases()));

        lookUp("Atlantis", "");
        browser.waitForText(By.id("lookup:messages"), "No province or city has that name");
    }

    private void lookUp(String province, String day) {
        browser.type(By.id("lookup:province_input"), province);
        browser.driver().findElement(By.id("lookup:province_input")).sendKeys(Keys.ESCAPE);
        browser.type(By.id("lookup:day_input"), day);
        browser.driver().findElement(By.id("lookup:day_input")).sendKeys(Keys.ESCAPE);
        browser.visible(By.id("lookup:lookUp")).click();
    }
}
