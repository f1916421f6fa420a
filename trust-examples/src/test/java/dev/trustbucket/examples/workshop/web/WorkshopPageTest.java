package dev.trustbucket.examples.workshop.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.trustbucket.Disclosure;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.examples.format.Percent;
import dev.trustbucket.examples.workshop.Scenario;
import dev.trustbucket.examples.workshop.ScenarioFile;
import dev.trustbucket.examples.workshop.Timeline;
import dev.trustbucket.examples.workshop.Workshop;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import picocli.CommandLine;

/**
 * The workshop page in a real browser: Debian's Chromium ({@code apt-get install chromium}) driven
 * by Playwright. Without Chromium these tests fail; they never skip. Each test gets a fresh page
 * and a fresh session (its cookies are cleared), and fails if the browser console shows an error.
 *
 * <p>The screenshots of docs/workshop.md are taken here: with {@code
 * -Dtrustbucket.screenshots=DIR} they are written to DIR (see docs/workshop.md for the command),
 * otherwise to {@code target/workshop-screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkshopPageTest {
  /** The library's own words for a tier, which the page shows. */
  private static final dev.trustbucket.text.TermFormat TERMS = dev.trustbucket.text.TermFormat.of(java.util.Locale.ENGLISH);

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private WorkshopServer server;
  private Playwright playwright;
  private BrowserContext browser;
  private Path profile;
  private Path screenshots;
  private Page page;
  private final List<String> consoleErrors = new ArrayList<>();
  private final List<String> elsewhere = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    assertThat(CHROMIUM).as("Chromium is required: apt-get install -y chromium").isExecutable();
    server = WorkshopServer.start(WorkshopServer.Config.defaults().withAddress("127.0.0.1", 0));
    // Never download a browser build (surefire sets the same variable for the driver's own checks).
    playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    profile = Files.createTempDirectory("workshop-chromium-");
    browser = playwright.chromium().launchPersistentContext(profile, new BrowserType.LaunchPersistentContextOptions()
        .setExecutablePath(CHROMIUM)
        .setHeadless(true)
        .setAcceptDownloads(true)
        .setViewportSize(1600, 1000)
        .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    browser.setDefaultTimeout(15_000);
    String dir = System.getProperty("trustbucket.screenshots");
    screenshots = dir == null || dir.isBlank() ? Path.of("target", "workshop-screenshots") : Path.of(dir);
    Files.createDirectories(screenshots);
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
    if (server != null) {
      server.close();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @BeforeEach
  void openPage() {
    browser.clearCookies();
    consoleErrors.clear();
    page = browser.newPage();
    page.onConsoleMessage(m -> {
      if (m.type().equals("error")) {
        consoleErrors.add(m.text());
      }
    });
    page.onPageError(e -> consoleErrors.add(e));
    elsewhere.clear();
    String home = server.address().toString();
    page.onRequest(r -> {
      if (!r.url().startsWith(home) && !r.url().startsWith("data:")) {
        elsewhere.add(r.url());
      }
    });
    page.navigate(server.address().toString());
    page.waitForSelector("body[data-ready='true']");
  }

  @AfterEach
  void noConsoleErrors() {
    page.close();
    assertThat(consoleErrors).as("errors in the browser console").isEmpty();
    assertThat(elsewhere).as("requests to anywhere but the workshop server (the page must work offline)").isEmpty();
  }

  // ---- helpers ----

  private String text(String selector) {
    return page.locator(selector).textContent().strip();
  }

  private void waitForWeek(int week) {
    page.waitForSelector("body[data-week='" + week + "']");
  }

  private void load(String scenario) {
    page.selectOption("#scenario-select", scenario);
    page.waitForResponse("**/api/load", () -> page.click("#load"));
    waitForWeek(1);
  }

  private void goToLastWeek(int weeks) {
    page.click("#last");
    waitForWeek(weeks);
  }

  private void screenshot(String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name)).setFullPage(false));
  }

  private static ScenarioFile shipped(String name) {
    return ScenarioFile.read(ROOT.resolve("scenarios").resolve(name + ".txt"));
  }

  // ---- tests ----

  @Test
  void playingTheEssayShowsTheLibrarysLevelAndTierEveryWeek() {
    Timeline expected = shipped("essay").run();
    load("essay");
    for (Timeline.Week w : expected.weeks()) {
      if (w.number() > 1) {
        page.click("#step");
        waitForWeek(w.number());
      }
      // One round trip reads what the page shows.
      Object shown = page.evaluate("() => [document.querySelector('#level').textContent,"
          + " document.querySelector('#tier').textContent, document.querySelectorAll('#table tbody tr').length]");
      assertThat(shown).as("level, tier and table rows in week %d", w.number())
          .isEqualTo(List.of(Percent.of(w.level()), TERMS.format(w.tier()), w.number()));
      if (w.number() == 40) {
        screenshot("workshop-page-essay.png");
      }
    }
    // Play from the start: the page walks on by itself, and pauses.
    page.click("#first");
    waitForWeek(1);
    page.click("#play");
    waitForWeek(4);
    page.click("#play");
    int stoppedAt = Integer.parseInt(page.locator("body").getAttribute("data-week"));
    page.waitForTimeout(1_500);
    int later = Integer.parseInt(page.locator("body").getAttribute("data-week"));
    assertThat(later).isBetween(stoppedAt, stoppedAt + 1); // at most one request was under way
    assertThat(text("#level")).isEqualTo(Percent.of(expected.weeks().get(later - 1).level()));
  }

  @Test
  void aDropAndADrainAddedByClickingMoveTheBucketAsTheLibrarySays() {
    page.click("#blank");
    page.waitForFunction("() => document.querySelector('#events tbody').children.length === 0");
    page.click("#step");
    waitForWeek(2);
    page.click("#step");
    waitForWeek(3);

    page.click("#drops button[data-behaviour='delivered-on-commitment']");
    assertThat(page.inputValue("#weight")).isEqualTo("1");
    page.click("#add");
    page.waitForFunction("() => document.querySelector('#events tbody').children.length === 1");

    Draft draft = Draft.blank(WorkshopServer.BLANK_START, WorkshopServer.BLANK_WEEKS, TrustPolicy.defaults());
    draft = draft.withStep(new Scenario.Step(
        TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, draft.timeInWeek(3)).withNote(""),
        Behaviours.DELIVERED_ON_COMMITMENT.label()));
    assertThat(text("#level")).isEqualTo(Percent.of(draft.run().weeks().get(2).level()));

    page.click("#step");
    waitForWeek(4);
    page.click("#drains button[data-behaviour='missed-deadline']");
    page.fill("#weight", "1.5");
    page.check("input[name='disclosure'][value='discovered']");
    page.fill("#days", "14");
    page.fill("#note", "the release slipped");
    screenshot("workshop-page-add.png");
    page.click("#add");
    page.waitForFunction("() => document.querySelector('#events tbody').children.length === 2");

    draft = draft.withStep(new Scenario.Step(
        TrustEvent.of(Behaviours.MISSED_DEADLINE, draft.timeInWeek(4)).withWeight(1.5)
            .withDisclosure(Disclosure.discovered(Duration.ofDays(14))).withNote("the release slipped"),
        "the release slipped"));
    Timeline t = draft.run();
    assertThat(text("#level")).isEqualTo(Percent.of(t.weeks().get(3).level()));
    assertThat(text("#tier")).isEqualTo(TERMS.format(t.weeks().get(3).tier()));
    assertThat(text("#explanation")).contains("Lowered by").contains("Missed a deadline, discovered after 14 days");
    Locator drainRow = page.locator("#events tbody tr.drain");
    assertThat(drainRow.locator("td.effect").textContent())
        .isEqualTo(Percent.signedPoints(t.weeks().get(3).steps().get(0).change()));

    page.click("#undo");
    page.waitForFunction("() => document.querySelector('#events tbody').children.length === 1");
    assertThat(text("#level")).isEqualTo(Percent.of(
        Draft.blank(WorkshopServer.BLANK_START, WorkshopServer.BLANK_WEEKS, TrustPolicy.defaults())
            .withStep(new Scenario.Step(
                TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, draft.timeInWeek(3)),
                Behaviours.DELIVERED_ON_COMMITMENT.label()))
            .run().weeks().get(3).level()));
  }

  @Test
  void flippingADiscoveredMistakeToSelfReportedShowsTheDifference() {
    ScenarioFile hidden = shipped("hidden-mistake");
    load("hidden-mistake");
    page.selectOption("#compare-select", "variant");
    page.click("#compare");
    page.waitForSelector("#difference:not([hidden])");

    List<Scenario.Step> steps = hidden.scenario().steps();
    int index = -1;
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).event().disclosure().isDiscovered()) {
        index = i;
        break;
      }
    }
    assertThat(index).as("hidden-mistake.txt has a discovered drain").isNotNegative();
    Locator row = page.locator("#events tbody tr[data-index='" + index + "']");
    assertThat(row.locator("select.disclosure").inputValue()).isEqualTo("discovered");
    row.locator("select.disclosure").selectOption("self-reported");
    row.locator("button.apply").click();
    page.waitForFunction("i => document.querySelector(`#events tbody tr[data-index='${i}'] select`).value"
        + " === 'self-reported'", index);

    Draft a = Draft.of(hidden);
    a = a.withEvent(index, steps.get(index).event().withDisclosure(Disclosure.selfReported()));
    Timeline ta = a.run();
    Timeline tb = hidden.run();
    int weeks = ta.weeks().size();
    goToLastWeek(weeks);
    double gap = tb.last().level() - ta.last().level();
    assertThat(gap).as("hiding costs more than owning it").isNegative();
    assertThat(text("#level")).isEqualTo(Percent.of(ta.last().level()));
    assertThat(text("#difference"))
        .contains("B is " + Percent.points(-gap) + " points below A")
        .contains(Percent.of(tb.last().level()));
    screenshot("workshop-page-variant.png");
  }

  @Test
  void twoPoliciesOnOneChart() {
    ScenarioFile essay = shipped("essay");
    load("essay");
    page.selectOption("#compare-select", "policy");
    page.selectOption("#compare-policy", "symmetric");
    page.click("#compare");
    page.waitForSelector("#difference:not([hidden])");
    Timeline a = essay.run();
    Timeline b = essay.run(TrustPolicy.preset("symmetric").orElseThrow());
    goToLastWeek(a.weeks().size());
    assertThat(page.locator("#chart polyline.level-line").count()).isEqualTo(2);
    assertThat(text("#difference")).contains("policy \"default\" vs policy \"symmetric\"")
        .contains("B is at " + Percent.of(b.last().level()) + ", " + TERMS.format(b.last().tier()));
    assertThat(text("#level")).isEqualTo(Percent.of(a.last().level()));
    screenshot("workshop-page-policies.png");
  }

  @Test
  void theStoryExportsAsAScenarioFileThatTheCommandLineAndThePageReadBack() throws Exception {
    page.click("#blank");
    page.waitForFunction("() => document.querySelector('#events tbody').children.length === 0");
    page.click("#step");
    waitForWeek(2);
    page.click("#drains button[data-behaviour='hid-problem']");
    page.check("input[name='disclosure'][value='discovered']");
    page.fill("#days", "10");
    page.fill("#note", "a \"quoted\" note \\ with a backslash");
    page.click("#add");
    page.waitForFunction("() => document.querySelector('#events tbody').children.length === 1");
    page.click("#drops button[data-behaviour='small-win']");
    page.click("#add");
    page.waitForFunction("() => document.querySelector('#events tbody').children.length === 2");
    String level = text("#level");

    Download scenario = page.waitForDownload(() -> page.click("#export-scenario"));
    assertThat(scenario.suggestedFilename()).isEqualTo("a-blank-story.txt");
    Path file = Files.createTempFile("exported-", ".txt");
    scenario.saveAs(file);
    ScenarioFile read = ScenarioFile.read(file);
    assertThat(read.scenario().steps()).hasSize(2);
    assertThat(read.scenario().steps().get(0).event().note()).isEqualTo("a \"quoted\" note \\ with a backslash");
    assertThat(Percent.of(read.run().weeks().get(1).level())).isEqualTo(level);

    // The command line plays the exported file.
    StringWriter out = new StringWriter();
    CommandLine cli = Workshop.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(new StringWriter()));
    assertThat(cli.execute("run", file.toString(), "--no-svg")).isZero();
    assertThat(out.toString()).contains("A blank story").contains("Hid a problem or mistake");

    Download chart = page.waitForDownload(() -> page.click("#export-svg"));
    String svg = Files.readString(chart.path(), StandardCharsets.UTF_8);
    assertThat(svg).startsWith("<?xml").contains("<svg").contains("class=\"level-line series-1\"")
        .contains("class=\"drain breach\"");

    // The page reads it back: load another story, import the file, and the same week shows the same level.
    load("essay");
    page.setInputFiles("#import-file", file);
    page.waitForFunction("() => document.querySelector('#events tbody').children.length === 2");
    page.click("#step");
    waitForWeek(2);
    assertThat(text("#level")).isEqualTo(level);
    Files.delete(file);
  }

  @Test
  void thePageWorksWithTheKeyboardAlone() {
    // Tab to "Start blank" and press Enter.
    tabTo("blank", 15);
    page.keyboard().press("Enter");
    page.waitForFunction("() => document.querySelector('#events tbody').children.length === 0"
        + " && document.querySelector('#chart title').textContent === 'A blank story'");
    // Full stop: next week (focus is on a button, not a text field).
    page.keyboard().press(".");
    waitForWeek(2);
    page.keyboard().press(".");
    waitForWeek(3);
    page.keyboard().press(",");
    waitForWeek(2);
    // Tab to a drain, choose it with the space bar, and submit the form with Enter from the weight field.
    tabTo("drains-over-promised", 80);
    page.keyboard().press("Space");
    assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("weight");
    page.keyboard().press("Enter");
    page.waitForFunction("() => document.querySelector('#events tbody').children.length === 1");
    assertThat(page.evaluate("() => document.activeElement.dataset.behaviour")).isEqualTo("over-promised");
    assertThat(text("#events tbody tr td:nth-child(3)")).startsWith("Over-promised");
    // u: undo.
    page.keyboard().press("u");
    page.waitForFunction("() => document.querySelector('#events tbody').children.length === 0");
    // p: play, p: pause.
    page.keyboard().press("p");
    waitForWeek(3);
    page.keyboard().press("p");
    assertThat(page.locator("#play").getAttribute("aria-pressed")).isEqualTo("false");
  }

  /** Presses Tab until the element with this id (or, for "drains-ID", that behaviour's button) has focus. */
  private void tabTo(String target, int maxPresses) {
    String check = target.startsWith("drains-")
        ? "() => document.activeElement.dataset.behaviour === '" + target.substring(7) + "'"
        : "() => document.activeElement.id === '" + target + "'";
    for (int i = 0; i < maxPresses; i++) {
      page.keyboard().press("Tab");
      if (Boolean.TRUE.equals(page.evaluate(check))) {
        return;
      }
    }
    throw new AssertionError("Tab never reached " + target + " in " + maxPresses + " presses");
  }
}
