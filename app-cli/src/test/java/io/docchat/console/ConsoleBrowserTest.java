package io.docchat.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console in a real headless Chromium against the real embedded stack on loopback: folders, uploads of a
 * generated PDF, a streamed answer, its citation drawn over the page image, Stop, history paging, and two accounts
 * that see nothing of each other. Screenshots of each screen go to {@code target/console-screenshots}, or to the
 * folder named by the system property {@code docchat.console.screenshots}.
 */
class ConsoleBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PER_WORD = Duration.ofMillis(120);

    @TempDir
    static Path temp;

    private static Browser browser;
    private static Path screenshots;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.startOrSkip(temp.resolve("profile"));
        String folder = System.getProperty("docchat.console.screenshots");
        screenshots = folder == null || folder.isBlank() ? Path.of("target", "console-screenshots") : Path.of(folder);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void localModeFromUploadToHighlightedCitation() throws Exception {
        try (ConsoleStack stack = new ConsoleStack(temp.resolve("local"), List.of(), PER_WORD)) {
            WebDriver page = browser.driver;
            browser.driver.manage().window().setSize(Browser.DESKTOP);
            page.get(stack.base() + "/");
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("layout")));
            assertThat(page.findElement(By.id("mode-badge")).getText()).isEqualTo("Local mode");
            assertThat(page.findElement(By.id("sign-in")).isDisplayed()).isFalse();

            createFolder("Pumps");

            Path pdf = temp.resolve("pump-manual.pdf");
            Files.write(pdf, ManualPdf.bytes());
            Path notes = temp.resolve("site-notes.txt");
            Files.writeString(notes, "Site notes. The pump room is on the ground floor, next to the boiler room.");
            Path broken = temp.resolve("broken.pdf");
            Files.writeString(broken, "%PDF-1.7 a file that only looks like a PDF");
            page.findElement(By.id("file-input")).sendKeys(pdf + "\n" + notes + "\n" + broken);
            browser.waiting().withMessage(browser::consoleLog).until(driver -> {
                List<WebElement> rows = driver.findElements(By.cssSelector("#doc-rows tr"));
                return rows.size() == 3 && rows.stream().noneMatch(row ->
                        List.of("PENDING", "PARSING").contains(row.getAttribute("data-status")));
            });
            WebElement pdfRow = row("pump-manual.pdf");
            assertThat(pdfRow.getAttribute("data-status")).isEqualTo("PARSING_COMPLETED");
            assertThat(pdfRow.findElement(By.cssSelector(".status")).getText()).isEqualTo("Ready");
            assertThat(pdfRow.findElement(By.cssSelector(".doc-pages")).getText()).isEqualTo("2");
            WebElement brokenRow = row("broken.pdf");
            assertThat(brokenRow.getAttribute("data-status")).isEqualTo("PARSING_FAILED");
            assertThat(brokenRow.findElement(By.cssSelector(".status")).getText()).isEqualTo("Failed");
            assertThat(brokenRow.findElement(By.cssSelector(".doc-error")).getText()).isNotBlank();
            assertThat(page.findElements(By.cssSelector("#uploads li"))).isEmpty();

            // A folder that still holds documents cannot go: the 409 is explained in words, with its code.
            WebElement deleteFolder = page.findElement(By.id("delete-folder"));
            deleteFolder.click();
            deleteFolder.click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
            assertThat(page.findElement(By.id("notice-text")).getText())
                    .contains("still holds documents").contains("(FolderNotEmpty)");
            browser.screenshot(screenshots, "documents-desktop");
            page.findElement(By.id("notice-close")).click();

            // Delete the broken document; its row goes.
            WebElement deleteBroken = brokenRow.findElement(By.cssSelector(".doc-actions button"));
            deleteBroken.click();
            deleteBroken.click();
            browser.waiting().until(driver -> driver.findElements(By.cssSelector("#doc-rows tr")).size() == 2);

            // A question streams its answer in.
            page.findElement(By.id("new-session")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-panel")));
            String sessionId = browser.waiting().until(driver -> driver.findElement(
                    By.cssSelector("#session-list .session-open[aria-current='true']"))).findElement(By.xpath(".."))
                    .getAttribute("data-session-id");
            WebElement question = page.findElement(By.id("question"));
            question.sendKeys("How do I prime the centrifugal pump", Keys.SHIFT, Keys.ENTER, Keys.SHIFT,
                    "before the first start?", Keys.ENTER);
            Streamed first = watchLastAnswer(page);
            assertThat(first.partialSeen()).as("the answer appears while it is being written").isTrue();
            assertThat(first.status()).isEqualTo("COMPLETED");
            assertThat(first.text()).contains("primed with clean water");

            JsonNode stored = lastChat(stack, sessionId);
            assertThat(stored.get("question").asText())
                    .isEqualTo("How do I prime the centrifugal pump\nbefore the first start?");
            assertThat(stored.get("answer").asText()).isEqualTo(first.text());
            browser.screenshot(screenshots, "chat-desktop");

            // The citation opens on its page image with each cited line's box drawn over the line's pixels.
            lastTurn(page).findElement(By.cssSelector("button.source")).click();
            browser.waiting().until(driver -> Boolean.TRUE.equals(browser.script(
                    "const i = document.getElementById('page-image'); return i.complete && i.naturalWidth > 0;")));
            JsonNode ref = stored.get("refDocList").get(0);
            JsonNode cited = ref.get("pageNum").get(0);
            JsonNode info = pageInfo(ref, cited.get("num").asInt());
            assertHighlightsMatch(cited.get("pos"), info);
            assertBoxesLieOnText(cited.get("pos"), info);
            assertThat(page.findElement(By.id("snippet")).getText()).isEqualTo(ref.get("snippet").asText());
            String original = page.findElement(By.id("original-link")).getAttribute("href");
            // Signed URLs carry an expiry of their own response, so two responses may differ in it: compare paths.
            assertThat(unsigned(original)).isEqualTo(unsigned(ref.get("originDocUrl").asText()));
            assertThat(new String(get(original), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            int citedPages = 0;
            for (JsonNode doc : stored.get("refDocList")) {
                citedPages += doc.get("pageNum").size();
            }
            assertThat(page.findElement(By.id("source-next")).isEnabled()).isEqualTo(citedPages > 1);
            assertThat(page.findElement(By.id("source-position")).getText()).isEqualTo("Cited page 1 of " + citedPages);
            browser.screenshot(screenshots, "source-desktop");
            page.findElement(By.id("source-close")).click();

            // Esc stops a follow-up halfway; the server keeps the pair as INTERRUPTED with what was written.
            question.sendKeys("How should the mechanical seal, the motor bearings and the impeller be maintained?",
                    Keys.ENTER);
            browser.waiting().until(driver -> {
                List<String> now = lastTurnState();
                return now != null && now.get(0).equals("STREAMING") && !now.get(1).isEmpty();
            });
            question.sendKeys(Keys.ESCAPE);
            browser.waiting().until(driver -> "INTERRUPTED".equals(lastTurnState().get(0)));
            String shown = lastTurnState().get(1);
            assertThat(lastTurn(page).findElement(By.cssSelector(".answer-status")).getText())
                    .isEqualTo("Stopped: the answer so far is kept.");
            JsonNode interrupted = browser.waiting().until(driver -> {
                JsonNode last = lastChat(stack, sessionId);
                // Listed from its start as ANSWERING; wait for how it ended.
                return last.get("question").asText().startsWith("How should")
                        && !"ANSWERING".equals(last.get("status").asText()) ? last : null;
            });
            assertThat(interrupted.get("status").asText()).isEqualTo("INTERRUPTED");
            assertThat(interrupted.get("answer").asText()).startsWith(shown).isNotEqualTo("");

            // Nothing relevant: said as such.
            question.sendKeys("What is the capital city of Mongolia?", Keys.ENTER);
            Streamed unrelated = watchLastAnswer(page);
            assertThat(unrelated.status()).isEqualTo("COMPLETED");
            WebElement noRelated = lastTurn(page).findElement(By.cssSelector(".answer-text"));
            assertThat(noRelated.getAttribute("class")).contains("no-related");
            assertThat(noRelated.getText()).isEqualTo("No related content found.");
            assertThat(lastTurn(page).findElements(By.cssSelector("button.source"))).isEmpty();

            // An answer citing two pages: the viewer steps from one cited page to the next.
            question.sendKeys("Why does the mechanical seal overheat, and when is the mechanical seal replaced?",
                    Keys.ENTER);
            assertThat(watchLastAnswer(page).status()).isEqualTo("COMPLETED");
            JsonNode twoPages = lastChat(stack, sessionId);
            List<String> citedImages = new ArrayList<>();
            for (JsonNode doc : twoPages.get("refDocList")) {
                for (JsonNode pageNum : doc.get("pageNum")) {
                    citedImages.add(unsigned(pageInfo(doc, pageNum.get("num").asInt()).get("imageUrl").asText()));
                }
            }
            assertThat(citedImages).hasSizeGreaterThan(1);
            lastTurn(page).findElement(By.cssSelector("button.source")).click();
            browser.waiting().until(driver -> unsigned(imageSource()).equals(citedImages.get(0)));
            assertThat(page.findElement(By.id("source-prev")).isEnabled()).isFalse();
            page.findElement(By.id("source-next")).click();
            browser.waiting().until(driver -> unsigned(imageSource()).equals(citedImages.get(1)));
            assertThat(page.findElement(By.id("source-position")).getText())
                    .isEqualTo("Cited page 2 of " + citedImages.size());
            assertThat(page.findElement(By.id("source-prev")).isEnabled()).isTrue();
            page.findElement(By.id("source-close")).click();

            // A text file has no page images: its citation shows the cited text and the page.
            question.sendKeys("Where is the pump room?", Keys.ENTER);
            assertThat(watchLastAnswer(page).status()).isEqualTo("COMPLETED");
            JsonNode fromNotes = lastChat(stack, sessionId);
            assertThat(fromNotes.get("refDocList").get(0).get("docName").asText()).isEqualTo("site-notes.txt");
            lastTurn(page).findElement(By.cssSelector("button.source")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("snippet")));
            assertThat(page.findElement(By.id("page-frame")).isDisplayed()).isFalse();
            assertThat(page.findElement(By.id("page-caption")).getText())
                    .isEqualTo("Page 1 of 1 · This document has no page images; the cited text is shown below.");
            assertThat(page.findElement(By.id("snippet")).getText())
                    .isEqualTo(fromNotes.get("refDocList").get(0).get("snippet").asText());
            page.findElement(By.id("source-close")).click();

            // The same question answered only from the manual: the notes, which answer it, are never cited.
            page.findElement(By.cssSelector("#restrict summary")).click();
            browser.waiting().until(driver -> {
                driver.findElement(By.xpath("//label[contains(., 'pump-manual.pdf')]/input")).click();
                return true;
            });
            assertThat(page.findElement(By.id("restrict-summary")).getText())
                    .isEqualTo("Answer only from the chosen documents (1)");
            question.sendKeys("Where is the pump room?", Keys.ENTER);
            assertThat(watchLastAnswer(page).status()).isEqualTo("COMPLETED");
            JsonNode restricted = lastChat(stack, sessionId);
            assertThat(restricted.get("question").asText()).isEqualTo("Where is the pump room?");
            for (JsonNode doc : restricted.get("refDocList")) {
                assertThat(doc.get("docName").asText()).isEqualTo("pump-manual.pdf");
            }
            page.findElement(By.cssSelector("#restrict summary")).click();
            assertEveryControlIsNamed();
            assertThat(browser.script("return performance.getEntriesByType('resource')"
                    + ".filter(e => !e.name.startsWith(location.origin + '/')).map(e => e.name)"))
                    .as("everything the console loaded came from its own server").asList().isEmpty();

            sessionsAndHistoryPaging(stack);
            phoneAndChineseScreens(stack, sessionId);
        }
    }

    /** Sessions newest first, renamed and deleted; a long history opens at its end and pages back on scroll. */
    private void sessionsAndHistoryPaging(ConsoleStack stack) throws Exception {
        WebDriver page = browser.driver;
        String folderId = post(stack, "/api/v2/aidoc/document/chat/folder/list", Map.of(), null)
                .get(0).get("folderId").asText();
        String longSession = post(stack, "/api/v2/aidoc/document/chat/session/create",
                Map.of("folderId", folderId, "name", "Long history"), null).get("sessionId").asText();
        for (int i = 1; i <= 12; i++) {
            post(stack, "/api/v2/aidoc/document/chat", Map.of("sessionId", longSession,
                    "question", "Unrelated question number " + i + " about zebras?"), null);
        }
        page.navigate().refresh();
        browser.waiting().until(driver -> driver.findElements(By.cssSelector("#session-list .session")).size() == 2);
        List<WebElement> sessions = page.findElements(By.cssSelector("#session-list .session-open"));
        assertThat(sessions.get(0).getText()).isEqualTo("Long history");

        sessions.get(0).click();
        browser.waiting().until(driver -> driver.findElements(By.cssSelector("#turns .turn")).size() == 2);
        assertThat(page.findElement(By.cssSelector("#turns .turn .question")).getText())
                .contains("Unrelated question number 11");
        assertThat(page.findElement(By.id("earlier")).isDisplayed()).isTrue();
        browser.script("document.getElementById('history').scrollTop = 0;"
                + "document.getElementById('history').dispatchEvent(new Event('scroll'));");
        browser.waiting().until(driver -> driver.findElements(By.cssSelector("#turns .turn")).size() == 12);
        assertThat(page.findElement(By.cssSelector("#turns .turn .question")).getText())
                .contains("Unrelated question number 1 ");
        assertThat(page.findElement(By.id("earlier")).isDisplayed()).isFalse();

        // Rename and delete.
        WebElement longItem = page.findElement(By.cssSelector("#session-list .session[data-session-id='" + longSession + "']"));
        longItem.findElement(By.xpath(".//button[text()='Rename']")).click();
        WebElement nameInput = page.findElement(By.cssSelector("#session-list .rename-form input"));
        nameInput.clear();
        nameInput.sendKeys("Zebra questions", Keys.ENTER);
        browser.waiting().until(driver -> driver.findElements(By.xpath(
                "//ul[@id='session-list']//button[text()='Zebra questions']")).size() == 1);
        assertThat(sessionNames(stack)).contains("Zebra questions");
        WebElement delete = page.findElement(By.cssSelector(
                "#session-list .session[data-session-id='" + longSession + "'] .danger"));
        delete.click();
        delete.click();
        browser.waiting().until(driver -> driver.findElements(By.cssSelector("#session-list .session")).size() == 1);
        assertThat(sessionNames(stack)).doesNotContain("Zebra questions");
    }

    private void phoneAndChineseScreens(ConsoleStack stack, String sessionId) {
        WebDriver page = browser.driver;
        page.findElement(By.cssSelector("#session-list .session[data-session-id='" + sessionId + "'] .session-open")).click();
        int pairs = post(stack, "/api/v2/aidoc/document/chat/list", Map.of("sessionId", sessionId), null)
                .get("total").asInt();
        browser.waiting().until(driver -> driver.findElements(By.cssSelector("#turns .turn")).size() == pairs);
        browser.script("document.getElementById('history').scrollTop = 0;");
        browser.screenshot(screenshots, "chat-history-desktop");
        page.findElement(By.cssSelector("#turns .turn button.source")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("source-panel")));

        page.manage().window().setSize(Browser.PHONE);
        for (String view : List.of("library", "docs", "chat", "source")) {
            page.findElement(By.cssSelector("#views button[data-view='" + view + "']")).click();
            String panel = Map.of("library", "library-panel", "docs", "docs-panel", "chat", "chat-panel",
                    "source", "source-panel").get(view);
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(panel)));
            long visiblePanels = page.findElements(By.cssSelector(".layout > .panel")).stream()
                    .filter(WebElement::isDisplayed).count();
            assertThat(visiblePanels).as("one panel at a time on a phone").isEqualTo(1);
            Object overflow = browser.script("return document.documentElement.scrollWidth > window.innerWidth;");
            assertThat(overflow).as("nothing wider than the phone in " + view).isEqualTo(Boolean.FALSE);
            browser.screenshot(screenshots, view + "-phone");
        }

        new Select(page.findElement(By.id("language"))).selectByValue("zh");
        page.findElement(By.cssSelector("#views button[data-view='chat']")).click();
        assertThat(page.findElement(By.id("send")).getText()).isEqualTo("发送");
        assertThat(page.findElement(By.cssSelector("#views button[data-view='library']")).getText()).isEqualTo("资料库");
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("zh-CN");
        browser.screenshot(screenshots, "chat-phone-zh");
        page.manage().window().setSize(Browser.DESKTOP);
        browser.screenshot(screenshots, "chat-desktop-zh");
        new Select(page.findElement(By.id("language"))).selectByValue("en");
        assertThat(page.findElement(By.id("send")).getText()).isEqualTo("Send");
    }

    @Test
    void bearerTokensKeepAccountsApart() throws Exception {
        try (ConsoleStack stack = new ConsoleStack(temp.resolve("accounts"), List.of("alice", "bob"), Duration.ZERO)) {
            Map<String, String> tokens = stack.bearerTokens;
            WebDriver page = browser.driver;
            page.manage().window().setSize(Browser.DESKTOP);
            page.get(stack.base() + "/");
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
            assertThat(page.findElement(By.id("layout")).isDisplayed()).isFalse();

            signIn("not-a-token");
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error")));
            assertThat(page.findElement(By.id("sign-in-error")).getText())
                    .contains("(InvalidAccessKeyId.NotFound)");
            browser.screenshot(screenshots, "sign-in-desktop");

            signIn(tokens.get("alice"));
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("layout")));
            assertThat(page.findElement(By.id("mode-badge")).getText()).isEqualTo("Signed in");
            createFolder("Alice private");
            // Dropped on the drop zone, as a person drags a file from the desktop.
            browser.script("const files = new DataTransfer();"
                    + "files.items.add(new File(['Alice keeps the spare impeller in locker seven.'], 'alice-plan.txt',"
                    + "  {type: 'text/plain'}));"
                    + "document.getElementById('dropzone').dispatchEvent("
                    + "  new DragEvent('drop', {dataTransfer: files, bubbles: true, cancelable: true}));");
            browser.waiting().until(driver -> driver.findElements(
                    By.cssSelector("#doc-rows tr[data-status='PARSING_COMPLETED']")).size() == 1);
            page.findElement(By.cssSelector("#views button[data-view='chat']")).click();
            page.findElement(By.id("question")).sendKeys("Where is the spare impeller?", Keys.ENTER);
            assertThat(watchLastAnswer(page).text()).contains("locker seven");

            assertThat(page.getCurrentUrl()).doesNotContain(tokens.get("alice"));
            assertThat(browser.script("return sessionStorage.getItem('docchat.bearerToken')"))
                    .isEqualTo(tokens.get("alice"));
            assertThat(browser.script("return localStorage.getItem('docchat.bearerToken')")).isNull();

            page.findElement(By.id("sign-out")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
            assertThat(browser.script("return sessionStorage.getItem('docchat.bearerToken')")).isNull();
            signIn(tokens.get("bob"));
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("folders-empty")));
            String everything = page.findElement(By.tagName("body")).getText();
            assertThat(everything).doesNotContain("Alice private").doesNotContain("alice-plan.txt")
                    .doesNotContain("spare impeller");
            assertThat(page.findElements(By.cssSelector("#folder-tree li"))).isEmpty();
            assertThat(page.findElements(By.cssSelector("#session-list li"))).isEmpty();
            assertThat(post(stack, "/api/v2/aidoc/document/chat/session/list", Map.of(), tokens.get("bob"))
                    .get("total").asLong()).isZero();
            assertThat(post(stack, "/api/v2/aidoc/document/chat/session/list", Map.of(), tokens.get("alice"))
                    .get("total").asLong()).isEqualTo(1);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A signed URL without its query (expiry and signature). */
    private static String unsigned(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String imageSource() {
        return String.valueOf(browser.script("return document.getElementById('page-image').src"));
    }

    /** Every visible control has an accessible name, as the browser computes it for assistive technology. */
    private static void assertEveryControlIsNamed() {
        for (WebElement control : browser.driver.findElements(By.cssSelector("button, input, select, textarea, a[href]"))) {
            if (control.isDisplayed()) {
                assertThat(control.getAccessibleName()).as(control.getAttribute("outerHTML")).isNotBlank();
            }
        }
    }

    private record Streamed(String status, String text, boolean partialSeen) {}

    /** Watches the newest answer until it ends, noting whether text was seen while it was still being written. */
    private static Streamed watchLastAnswer(WebDriver page) {
        boolean[] partial = {false};
        List<String> end = browser.waiting().withMessage(browser::consoleLog).until(driver -> {
            List<String> now = lastTurnState();
            if (now == null) {
                return null;
            }
            if ("STREAMING".equals(now.get(0))) {
                partial[0] |= !now.get(1).isEmpty();
                return null;
            }
            return now;
        });
        return new Streamed(end.get(0), end.get(1), partial[0]);
    }

    /** The newest turn's status and answer text, read in one go while the page redraws it. */
    @SuppressWarnings("unchecked")
    private static List<String> lastTurnState() {
        return (List<String>) browser.script("const turn = [...document.querySelectorAll('#turns .turn')].pop();"
                + "if (!turn) return null;"
                + "const answer = turn.querySelector('.answer-text');"
                + "return [turn.dataset.status, answer ? answer.textContent : ''];");
    }

    private static WebElement lastTurn(WebDriver page) {
        List<WebElement> turns = page.findElements(By.cssSelector("#turns .turn"));
        if (turns.isEmpty()) {
            throw new org.openqa.selenium.NoSuchElementException("no turn yet");
        }
        return turns.get(turns.size() - 1);
    }

    private static void createFolder(String name) {
        WebDriver page = browser.driver;
        page.findElement(By.id("new-folder")).click();
        page.findElement(By.id("folder-name")).sendKeys(name, Keys.ENTER);
        browser.waiting().withMessage(browser::consoleLog).until(ExpectedConditions.textToBe(
                By.cssSelector("#folder-tree button.selected"), name));
    }

    private static void signIn(String token) {
        WebElement input = browser.driver.findElement(By.id("token"));
        input.clear();
        input.sendKeys(token, Keys.ENTER);
    }

    private static WebElement row(String name) {
        return browser.driver.findElement(By.xpath("//tbody[@id='doc-rows']/tr[.//a[text()='" + name + "']]"));
    }

    private static JsonNode pageInfo(JsonNode ref, int pageNumber) {
        for (JsonNode info : ref.get("docInfo").get("pageListInfo")) {
            if (info.get("pageIdCurDoc").asInt() == pageNumber - 1) {
                return info;
            }
        }
        throw new AssertionError("no pageListInfo for page " + pageNumber + " in " + ref);
    }

    /** The overlay's rectangles on screen are the API's line boxes scaled by the image's displayed size. */
    @SuppressWarnings("unchecked")
    private static void assertHighlightsMatch(JsonNode polygons, JsonNode info) {
        Map<String, Object> drawn = (Map<String, Object>) browser.script(
                "const i = document.getElementById('page-image').getBoundingClientRect();"
                        + "const p = [...document.querySelectorAll('#page-overlay polygon')].map(e => {"
                        + "  const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; });"
                        + "return {image: [i.left, i.top, i.width, i.height], polygons: p};");
        List<Number> image = (List<Number>) drawn.get("image");
        List<List<Number>> rects = (List<List<Number>>) drawn.get("polygons");
        assertThat(polygons.size()).isPositive();
        assertThat(rects).hasSize(polygons.size());
        double scaleX = image.get(2).doubleValue() / info.get("imageWidth").asDouble();
        double scaleY = image.get(3).doubleValue() / info.get("imageHeight").asDouble();
        assertThat(scaleX).as("the page is drawn smaller than its image, so scaling is exercised").isLessThan(1.0);
        for (int i = 0; i < polygons.size(); i++) {
            int[] box = bounds(polygons.get(i));
            List<Number> rect = rects.get(i);
            double left = image.get(0).doubleValue() + box[0] * scaleX;
            double top = image.get(1).doubleValue() + box[1] * scaleY;
            double right = image.get(0).doubleValue() + box[2] * scaleX;
            double bottom = image.get(1).doubleValue() + box[3] * scaleY;
            assertThat(rect.get(0).doubleValue()).as("left of line %d", i).isCloseTo(left, within(1.5));
            assertThat(rect.get(1).doubleValue()).as("top of line %d", i).isCloseTo(top, within(1.5));
            assertThat(rect.get(2).doubleValue()).as("right of line %d", i).isCloseTo(right, within(1.5));
            assertThat(rect.get(3).doubleValue()).as("bottom of line %d", i).isCloseTo(bottom, within(1.5));
        }
    }

    /** Each line box of the API covers inked text in the page image it names, and the margin beside it is blank. */
    private static void assertBoxesLieOnText(JsonNode polygons, JsonNode info) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(get(info.get("imageUrl").asText())));
        // The API rounds the page size times the scale; the renderer may round the other way, by one pixel.
        assertThat(image.getWidth()).isCloseTo(info.get("imageWidth").asInt(), within(1));
        assertThat(image.getHeight()).isCloseTo(info.get("imageHeight").asInt(), within(1));
        for (JsonNode polygon : polygons) {
            int[] box = bounds(polygon);
            assertThat(darkShare(image, box[0], box[1], box[2], box[3])).as("ink inside %s", polygon.toString())
                    .isGreaterThan(0.04);
            assertThat(darkShare(image, 0, box[1], Math.max(1, box[0] - 4), box[3])).as("ink left of %s", polygon.toString())
                    .isZero();
        }
    }

    private static double darkShare(BufferedImage image, int left, int top, int right, int bottom) {
        int dark = 0;
        int all = 0;
        for (int y = Math.max(0, top); y < Math.min(image.getHeight(), bottom); y++) {
            for (int x = Math.max(0, left); x < Math.min(image.getWidth(), right); x++) {
                int rgb = image.getRGB(x, y);
                int luma = (((rgb >> 16) & 0xff) * 3 + ((rgb >> 8) & 0xff) * 6 + (rgb & 0xff)) / 10;
                dark += luma < 128 ? 1 : 0;
                all++;
            }
        }
        return all == 0 ? 0 : (double) dark / all;
    }

    /** left, top, right, bottom of a polygon. */
    private static int[] bounds(JsonNode polygon) {
        int left = Integer.MAX_VALUE;
        int top = Integer.MAX_VALUE;
        int right = Integer.MIN_VALUE;
        int bottom = Integer.MIN_VALUE;
        for (JsonNode point : polygon) {
            left = Math.min(left, point.get("x").asInt());
            top = Math.min(top, point.get("y").asInt());
            right = Math.max(right, point.get("x").asInt());
            bottom = Math.max(bottom, point.get("y").asInt());
        }
        return new int[] {left, top, right, bottom};
    }

    private static JsonNode lastChat(ConsoleStack stack, String sessionId) {
        JsonNode list = post(stack, "/api/v2/aidoc/document/chat/list",
                Map.of("sessionId", sessionId, "pageSize", 100), null).get("chatList");
        return list.get(list.size() - 1);
    }

    private static List<String> sessionNames(ConsoleStack stack) {
        List<String> names = new ArrayList<>();
        post(stack, "/api/v2/aidoc/document/chat/session/list", Map.of("pageSize", 100), null)
                .get("sessionList").forEach(s -> names.add(s.get("name").asText()));
        return names;
    }

    private static JsonNode post(ConsoleStack stack, String path, Map<String, ?> body, String bearer) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.base() + path))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            if (bearer != null) {
                request.header("x-acs-bearer-token", bearer);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body()).get("data");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] get(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
