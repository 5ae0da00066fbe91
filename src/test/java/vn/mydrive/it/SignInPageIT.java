package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
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
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;
import vn.mydrive.testkit.Browser;

/** The sign-in page in a real browser: sign up, a failed and a good sign-in, sign out, and the way back. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInPageIT {

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
    void signUpSignInSignOut() {
        String name = Accounts.uniqueName("page");
        String password = "a long enough password";

        // A protected page sends an anonymous visitor to sign in, remembering where they were going.
        browser.open(ApiClient.loopback(deployment) + "app/drive.xhtml");
        browser.waitForUrl("login.xhtml?next=");

        // Sign up: mismatched passwords are caught in the page, before anything is sent.
        browser.visible(By.id("signIn:toSignUp")).click();
        browser.type(By.id("signUp:newUsername"), name);
        browser.type(By.id("signUp:newPassword"), password);
        browser.type(By.id("signUp:confirmPassword"), password + "!");
        browser.visible(By.id("signUp:submit")).click();
        assertTrue(browser.visible(By.id("mismatch")).isDisplayed());
        ApiClient.Reply noAccountYet = new ApiClient(deployment).post("api/auth/login",
                Accounts.credentials(name, password), "X-Forwarded-For", "10.40.0.1");
        assertEquals(401, noAccountYet.status(), "the mismatched sign-up must not have been sent");

        browser.type(By.id("signUp:confirmPassword"), password);
        browser.visible(By.id("signUp:submit")).click();
        browser.waitForText(By.id("messages"), "Your account " + name + " is ready");

        // A wrong password is refused with a message.
        browser.type(By.id("signIn:username"), name);
        browser.type(By.id("signIn:password"), "not my password");
        browser.visible(By.id("signIn:submit")).click();
        browser.waitForText(By.id("messages"), "Wrong username or password");

        // The right one goes to the page the visitor asked for, which shows their name.
        browser.type(By.id("signIn:password"), password);
        browser.visible(By.id("signIn:submit")).click();
        browser.waitForUrl("app/drive.xhtml");
        assertEquals(name, browser.visible(By.id("currentUser")).getText());

        // Sign out, then the protected page is closed again.
        browser.visible(By.id("topbar:signOut")).click();
        browser.visible(By.id("signedOutNote"));
        browser.open(ApiClient.loopback(deployment) + "app/drive.xhtml");
        browser.waitForUrl("login.xhtml");
        browser.visible(By.id("signIn:username"));
    }

    @Test
    void theServerAlsoRefusesMismatchedPasswords() {
        browser.open(ApiClient.loopback(deployment) + "login.xhtml");
        browser.visible(By.id("signIn:toSignUp")).click();
        browser.type(By.id("signUp:newUsername"), Accounts.uniqueName("nojs"));
        browser.type(By.id("signUp:newPassword"), "first password");
        browser.type(By.id("signUp:confirmPassword"), "second password");
        // Skip the page's own check, as a script-less or hostile client would.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("MyDrive.passwordsMatch = function () { return true; };");
        browser.visible(By.id("signUp:submit")).click();

        browser.waitForText(By.id("messages"), "The two passwords are not the same");
    }

    @Test
    void thePageSpeaksVietnameseOnRequest() {
        browser.open(ApiClient.loopback(deployment) + "login.xhtml");
        browser.visible(By.id("topbar:langVi")).click();

        browser.waitForText(By.id("signIn"), "Đăng nhập");
    }

    @Test
    void aWeakPasswordIsRefusedWithTheReasonInTheReadersLanguage() {
        browser.open(ApiClient.loopback(deployment) + "login.xhtml");
        browser.visible(By.id("topbar:langVi")).click();
        browser.visible(By.id("signIn:toSignUp")).click();
        browser.type(By.id("signUp:newUsername"), Accounts.uniqueName("yeu"));
        browser.type(By.id("signUp:newPassword"), "12345678");
        browser.type(By.id("signUp:confirmPassword"), "12345678");
        browser.visible(By.id("signUp:submit")).click();

        browser.waitForText(By.id("messages"), "Mật khẩu này quá dễ đoán: đây là một trong những mật khẩu phổ biến nhất.");
    }

    @Test
    void aSecondBrowserSignsInWithOneClickAndTheFirstIsToldWhy() {
        String base = ApiClient.loopback(deployment);
        String name = new Accounts(new ApiClient(deployment)).register(Accounts.uniqueName("twice"));
        try (Browser second = new Browser()) {
            signIn(browser, base, name);
            browser.waitForUrl("app/drive.xhtml");

            signIn(second, base, name);
            second.waitForText(By.id("messages"), "This account is signed in on another device");
            // The refused form emptied the password field; the offer works without typing it again.
            assertEquals("", second.visible(By.id("signIn:password")).getAttribute("value"));
            second.visible(By.id("signIn:takeOver")).click();
            second.waitForUrl("app/drive.xhtml");
            assertEquals(name, second.visible(By.id("currentUser")).getText());

            // The first browser's page is pushed out at once, and told why.
            browser.waitForUrl("login.xhtml");
            browser.waitForText(By.id("messages"), "You were signed out because your account signed in on another device");
            assertTrue(browser.visible(By.id("messages")).getText().contains("127.0.0.1"),
                    () -> browser.visible(By.id("messages")).getText());
        }
    }

    private static void signIn(Browser browser, String base, String name) {
        browser.open(base + "login.xhtml");
        browser.type(By.id("signIn:username"), name);
        browser.type(By.id("signIn:password"), Accounts.PASSWORD);
        browser.visible(By.id("signIn:submit")).click();
    }
}
