package dev.openocr.export;

import com.google.gson.stream.JsonWriter;
import dev.openocr.document.Page;
import dev.openocr.document.Word;
import dev.openocr.geometry.Box;
import java.io.IOException;
import java.io.Writer;

/**
 * The evaluation JSON of one page (the format of shared/data and shared/eval/score.py):
 * {@code {"image": NAME, "width": W, "height": H, "words": [{"text": T, "box": [left, top,
 * right, bottom], "confidence": C}]}}, boxes axis-aligned in page pixels, confidence 0..1.
 */
public final class JsonExport implements PageExporter {

  @Override
  public String extension() {
    return "json";
  }

  @Override
  public void write(Writer out, String imageName, Page page) throws IOException {
    JsonWriter w = new JsonWriter(out);
    w.setIndent(" ");
    w.beginObject();
    w.name("image").value(imageName);
    w.name("width").value(page.width());
    w.name("height").value(page.height());
    w.name("words").beginArray();
    for (Word word : page.words()) {
      Box b = word.box();
      w.beginObject();
      w.name("text").value(word.text());
      w.name("box").beginArray().value(round(b.left())).value(round(b.top()))
          .value(round(b.right())).value(round(b.bottom())).endArray();
      w.name("confidence").value(round(word.confidence()));
      w.endObject();
    }
    w.endArray();
    w.endObject();
    w.flush();
  }

  /** Four decimals: sub-pixel boxes and confidences without float noise. */
  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
