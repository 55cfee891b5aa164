package vn.hanoi.cityops.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * axe-core (Deque's, the script shipped inside its Maven artifact) run in the page as it is now: the WCAG 2.1 A and
 * AA rules, answering the serious and critical violations (empty: none), each with the elements it found and why.
 */
public final class Accessibility {
  private static final String AXE = load();

  private Accessibility() {
  }

  /** The serious and critical WCAG 2.1 A/AA violations of the page open in {@code browser}. */
  @SuppressWarnings("unchecked")
  public static List<String> seriousViolations(Browser browser) {
    browser.script("if (!window.axe) { " + AXE + " }");
    return (List<String>) browser.driver().executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
            resultTypes: ['violations']})
          .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.slice(0, 6)
              .map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).join(' | '))))
          .catch(e => done(['axe could not run: ' + e]));""");
  }

  private static String load() {
    try (InputStream in = Accessibility.class.getResourceAsStream("/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
