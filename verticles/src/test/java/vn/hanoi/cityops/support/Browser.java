package vn.hanoi.cityops.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.Level;

/**
 * A real headless Chromium (Debian's {@code chromium} driven by its {@code chromedriver}; {@code .ci/run}
 * installs both, nothing is downloaded) at a given window size, with its console kept for assertions.
 */
public final class Browser implements AutoCloseable {
  private static final String CHROMIUM = System.getProperty("cityops.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER = System.getProperty("cityops.chromedriver", "/usr/bin/chromedriver");

  private final ChromeDriver driver;

  /** A browser with a fresh profile in {@code profile} (reuse the folder to reopen the same browser later). */
  public Browser(int width, int height, Path profile) {
    if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
      throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver ("
          + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver (.ci/run does)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
        "--window-size=" + width + "," + height, "--user-data-dir=" + profile.toAbsolutePath());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    // The window size includes the browser's frame; the page must see exactly width × height.
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
  }

  public static Path newProfile() {
    try {
      Files.createDirectories(Path.of("target/browser-profiles"));
      return Files.createTempDirectory(Path.of("target/browser-profiles"), "chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void open(String url) {
    driver.get(url);
  }

  /** Opens {@code url}, waits for the page's sign-in form and submits it for {@code user}. */
  public void signIn(String url, String user, String password) {
    open(url);
    await(Duration.ofSeconds(30), "the sign-in form", d -> !all("#sign-in").isEmpty());
    one("#sign-in input[name='username']").sendKeys(user);
    one("#sign-in input[name='password']").sendKeys(password);
    one("#sign-in button").click();
  }

  public String url() {
    return driver.getCurrentUrl();
  }

  /** Waits up to {@code timeout} for {@code condition} to answer non-null/true; fails with {@code what}. */
  public <T> T await(Duration timeout, String what, Function<ChromeDriver, T> condition) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(50)).withMessage(what).until(d -> condition.apply(driver));
  }

  public List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  public WebElement one(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  /**
   * An attribute of the first element matching {@code css}, read in the page (the panels re-render, so a
   * found element may be replaced a moment later); null when there is no such element.
   */
  public String attr(String css, String name) {
    return (String) script("const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;",
        css, name);
  }

  /** The visible text of the first element matching {@code css}, read in the page; null when absent. */
  public String text(String css) {
    return (String) script("const e = document.querySelector(arguments[0]); return e ? e.innerText : null;", css);
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Console messages at SEVERE (errors, failed loads, uncaught exceptions), CSP violations and missing UI messages since the last call. */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue() || e.getMessage().contains("Content Security Policy")
            || e.getMessage().contains("missing message"))
        .map(LogEntry::getMessage).toList();
  }

  public Path screenshot(String name) {
    try {
      Path target = Path.of("target/screenshots", name);
      Files.createDirectories(target.getParent());
      Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** A Chrome DevTools Protocol command on the page (e.g. {@code Browser.grantPermissions}); answers its result. */
  public Map<String, Object> cdp(String method, Map<String, Object> params) {
    return driver.executeCdpCommand(method, params);
  }

  /**
   * The DevTools id of the service worker registration for {@code scopeUrl} (what {@code ServiceWorker.deliverPushMessage}
   * takes). DevTools says it only as an event, which ChromeDriver's command channel drops, so this listens on a
   * DevTools connection of its own to the browser ChromeDriver started.
   */
  public String serviceWorkerRegistration(String scopeUrl, Duration timeout) {
    @SuppressWarnings("unchecked")
    Map<String, Object> chrome = (Map<String, Object>) driver.getCapabilities().getCapability("goog:chromeOptions");
    String address = String.valueOf(chrome.get("debuggerAddress"));
    HttpClient http = HttpClient.newHttpClient();
    try {
      JsonArray targets = new JsonArray(http.send(HttpRequest.newBuilder(URI.create("http://" + address + "/json/list"))
          .timeout(timeout).build(), HttpResponse.BodyHandlers.ofString()).body());
      String socket = targets.stream().map(JsonObject.class::cast).filter(t -> "page".equals(t.getString("type")))
          .filter(t -> t.getString("url").equals(driver.getCurrentUrl())).findFirst()
          .orElseThrow(() -> new IllegalStateException("no DevTools target for " + driver.getCurrentUrl() + ": " + targets))
          .getString("webSocketDebuggerUrl");
      CompletableFuture<String> id = new CompletableFuture<>();
      WebSocket ws = http.newWebSocketBuilder().connectTimeout(timeout)
          .buildAsync(URI.create(socket), new RegistrationListener(scopeUrl, id)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      try {
        ws.sendText(new JsonObject().put("id", 1).put("method", "ServiceWorker.enable").encode(), true);
        return id.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } finally {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("no service worker registration for " + scopeUrl + " within " + timeout, e);
    }
  }

  /** Waits for {@code ServiceWorker.workerRegistrationUpdated} naming a live registration of the scope. */
  private static final class RegistrationListener implements WebSocket.Listener {
    private final String scope;
    private final CompletableFuture<String> id;
    private final StringBuilder text = new StringBuilder();

    RegistrationListener(String scope, CompletableFuture<String> id) {
      this.scope = scope;
      this.id = id;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        JsonObject message = new JsonObject(text.toString());
        text.setLength(0);
        if ("ServiceWorker.workerRegistrationUpdated".equals(message.getString("method"))) {
          message.getJsonObject("params").getJsonArray("registrations").stream().map(JsonObject.class::cast)
              .filter(r -> scope.equals(r.getString("scopeURL")) && !r.getBoolean("isDeleted", false))
              .findFirst().ifPresent(r -> id.complete(r.getString("registrationId")));
        }
      }
      socket.request(1);
      return null;
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
