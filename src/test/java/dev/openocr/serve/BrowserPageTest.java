package dev.openocr.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import dev.openocr.engine.OcrEngine;
import dev.openocr.testing.Cdp;
import dev.openocr.testing.Prerequisites;
import dev.openocr.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the web page in headless Chromium (Debian's {@code chromium}): upload a page, check the
 * words drawn, hover one for its confidence, hide low-confidence words with the slider.
 * Skipped where Chromium is not installed, and fails on CI.
 */
class BrowserPageTest {

  @Test
  @Timeout(180)
  void uploadShowsWordsWithConfidences(@TempDir Path dir) throws Exception {
    Prerequisites.requireProgram(Cdp.CHROMIUM, "chromium");
    Path png = dir.resolve("sample.png");
    Files.write(png, TestImages.encode(TestImages.page(300, 150, OcrServerTest.WORDS), "png"));
    ServerConfig config = ServerConfig.defaults().withAddress("127.0.0.1", 0).withPool(1, 4);
    try (OcrEngine engine = TestImages.engine();
         OcrServer server = new OcrServer(engine, config);
         Cdp browser = startBrowser(dir)) {
      server.start();
      browser.navigate(server.uri().toString());
      assertThat(browser.eval("document.title").getAsString()).isEqualTo("openocr");

      browser.setFiles("#file", List.of(png));
      browser.waitFor("document.querySelectorAll('#boxes .word').length === 4", 30);

      JsonArray texts = browser.eval(
          "Array.from(document.querySelectorAll('#boxes .word')).map(w => w.dataset.text)")
          .getAsJsonArray();
      List<String> shown = new ArrayList<>();
      texts.forEach(t -> shown.add(t.getAsString()));
      assertThat(shown).containsExactly("w3", "w5", "w2", "w4");
      assertThat(browser.eval("document.getElementById('text').textContent").getAsString())
          .isEqualTo("w3 w5\nw2 w4");
      assertThat(browser.eval("document.getElementById('status').textContent").getAsString())
          .startsWith("4 words");

      // Hover the third word (light gray, low confidence): the tooltip shows its confidence.
      JsonArray r = browser.eval("(() => { const b = document.querySelectorAll('#boxes .word')[2]"
          + ".getBoundingClientRect(); return [b.left + b.width / 2, b.top + b.height / 2]; })()")
          .getAsJsonArray();
      browser.mouseMove(r.get(0).getAsDouble(), r.get(1).getAsDouble());
      browser.waitFor("document.getElementById('tip').style.display === 'block'", 10);
      assertThat(browser.eval("document.getElementById('tip').textContent").getAsString())
          .matches("w2 {2}\\(confidence 0\\.[34]\\d\\d, detection 0\\.900\\)");

      // The display threshold hides the low-confidence word only.
      browser.eval("(() => { const s = document.getElementById('show'); s.value = '0.6';"
          + " s.dispatchEvent(new Event('input')); return true; })()");
      assertThat(browser.eval("document.querySelectorAll('#boxes .word.hidden').length")
          .getAsInt()).isEqualTo(1);
      // For people to look at: target/browser-page.png.
      browser.screenshot(Path.of("target", "browser-page.png"));

      // A two-page TIFF: the browser cannot show it, the boxes go on white, pages selectable.
      Path tiff = dir.resolve("two.tif");
      Files.write(tiff, TestImages.tiff(List.of(TestImages.page(300, 150, OcrServerTest.WORDS),
          TestImages.page(200, 100, List.of(new TestImages.BarWord(10, 10, 6, 0))))));
      browser.setFiles("#file", List.of(tiff));
      browser.waitFor("document.getElementById('pagesel').options.length === 2", 30);
      browser.eval("(() => { const s = document.getElementById('pagesel'); s.value = '1';"
          + " s.dispatchEvent(new Event('change')); return true; })()");
      assertThat(browser.eval("Array.from(document.querySelectorAll('#boxes .word'))"
          + ".map(w => w.dataset.text).join(' ')").getAsString()).isEqualTo("w6");
      assertThat(browser.eval("document.getElementById('stage').classList.contains('noimg')")
          .getAsBoolean()).isTrue();
    }
  }

  private static Cdp startBrowser(Path dir) throws Exception {
    Path profile = dir.resolve("profile");
    Files.createDirectories(profile);
    return Cdp.start(profile);
  }
}
