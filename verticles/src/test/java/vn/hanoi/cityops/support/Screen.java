package vn.hanoi.cityops.support;

import java.util.List;

/**
 * What a person notices about a page on their screen, measured in the browser: whether it scrolls sideways, text
 * too small to read, controls too small for a thumb. Each answers the offenders (empty: none), described well
 * enough to find them.
 */
public final class Screen {
  private Screen() {
  }

  /** Elements reaching past the right edge of the viewport, and the page's own sideways scroll, if any. */
  @SuppressWarnings("unchecked")
  public static List<String> sidewaysScroll(Browser browser) {
    return (List<String>) browser.script("""
        const out = [];
        const root = document.documentElement;
        if (root.scrollWidth > root.clientWidth) out.push('page scrollWidth ' + root.scrollWidth + ' > ' + root.clientWidth);
        for (const e of document.body.querySelectorAll('*')) {
          const r = e.getBoundingClientRect();
          if (r.width && r.height && r.right > root.clientWidth + 1) {
            out.push(e.tagName + '.' + e.className + ' right=' + Math.round(r.right));
          }
        }
        return out.slice(0, 20);""");
  }

  /** Visible text rendered smaller than {@code px} CSS pixels. */
  @SuppressWarnings("unchecked")
  public static List<String> textSmallerThan(Browser browser, double px) {
    return (List<String>) browser.script("""
        const out = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const node = walker.currentNode;
          const text = node.textContent.trim();
          const e = node.parentElement;
          if (!text || !e) continue;
          const r = e.getBoundingClientRect();
          const style = getComputedStyle(e);
          if (!r.width || !r.height || style.visibility === 'hidden') continue;
          const size = parseFloat(style.fontSize);
          if (size < arguments[0]) out.push(e.tagName + '.' + e.className + ' ' + size + 'px "' + text.slice(0, 40) + '"');
        }
        return out.slice(0, 20);""", px);
  }

  /** Visible buttons, fields, links and check-box labels less than {@code px} high (buttons: or wide). */
  @SuppressWarnings("unchecked")
  public static List<String> touchTargetsSmallerThan(Browser browser, double px) {
    return (List<String>) browser.script("""
        const out = [];
        for (const e of document.querySelectorAll('button, select, input:not([type=checkbox]), a, label.check')) {
          const r = e.getBoundingClientRect();
          if (!r.width || !r.height) continue;
          const small = r.height < arguments[0] - 0.5 || (e.tagName === 'BUTTON' && r.width < arguments[0] - 0.5);
          if (small) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.width) + 'x' + Math.round(r.height)
              + ' "' + (e.textContent || e.name || '').trim().slice(0, 30) + '"');
        }
        return out.slice(0, 20);""", px);
  }
}
