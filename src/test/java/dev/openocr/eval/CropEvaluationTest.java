package dev.openocr.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.openocr.imageio.GrayImage;
import dev.openocr.recognize.Recognition;
import dev.openocr.recognize.TextRecognizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CropEvaluationTest {
  /** Reads a crop as the word its width stands for: 10 px "cat", 20 px "dog", else "?". */
  private static final class ByWidth implements TextRecognizer {
    int calls;
    int largestBatch;

    @Override
    public List<Recognition> recognize(List<GrayImage> crops) {
      calls++;
      largestBatch = Math.max(largestBatch, crops.size());
      List<Recognition> out = new ArrayList<>();
      for (GrayImage c : crops) {
        String t = c.width() == 10 ? "cat" : c.width() == 20 ? "dog" : "?";
        out.add(new Recognition(t, 1, new float[t.length()]));
      }
      return out;
    }

    @Override
    public void close() {}
  }

  private static void crop(Path dir, String name, int width) throws IOException {
    ImageIO.write(GrayImage.blank(width, 8).toBufferedImage(), "png",
        dir.resolve(name).toFile());
  }

  @Test
  void aCropFolderIsReadWithItsLabels(@TempDir Path root) throws IOException {
    Path dir = Files.createDirectories(root.resolve("crops"));
    crop(dir, "a.png", 10);
    crop(dir, "b.png", 20);
    crop(dir, "c.png", 30);
    // c is read as "?" against "Cat": wrong, also caseless; b's label differs only in case
    Files.writeString(dir.resolve("labels.tsv"), "a.png\tcat\nb.png\tDog\n\nc.png\tCat\n",
        StandardCharsets.UTF_8);
    assertThat(CropEvaluation.datasetFolder(root)).isEqualTo(dir);
    assertThat(CropEvaluation.datasetFolder(dir)).isEqualTo(dir);
    assertThat(CropEvaluation.datasetFolder(root.resolve("nothing"))).isNull();

    CropEvaluation.Totals t = new CropEvaluation.Totals();
    CropEvaluation.dataset(dir, new ByWidth(), t, 0);
    assertThat(t.words).isEqualTo(3);
    assertThat(t.exact).isEqualTo(1);
    assertThat(t.caseless).isEqualTo(2);
    // edits: dog/Dog 1, ?/Cat 3; characters 9
    assertThat(t.cer()).isCloseTo(4 / 9.0, within(1e-12));

    CropEvaluation.Totals first = new CropEvaluation.Totals();
    CropEvaluation.dataset(dir, new ByWidth(), first, 2);
    assertThat(first.words).isEqualTo(2);
  }

  @Test
  void largeFoldersAreReadInBatches(@TempDir Path dir) throws IOException {
    StringBuilder labels = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      crop(dir, i + ".png", 10);
      labels.append(i).append(".png\tcat\n");
    }
    Files.writeString(dir.resolve("labels.tsv"), labels.toString(), StandardCharsets.UTF_8);
    ByWidth rec = new ByWidth();
    CropEvaluation.Totals t = new CropEvaluation.Totals();
    CropEvaluation.dataset(dir, rec, t, 0);
    assertThat(t.words).isEqualTo(150);
    assertThat(t.accuracy()).isEqualTo(1.0);
    assertThat(rec.calls).isEqualTo(3);
    assertThat(rec.largestBatch).isEqualTo(64);
  }

  @Test
  void aBadListOrCropIsAClearError(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("labels.tsv"), "a.png cat\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> CropEvaluation.dataset(dir, new ByWidth(),
        new CropEvaluation.Totals(), 0)).isInstanceOf(IOException.class)
        .hasMessageContaining("line 1").hasMessageContaining("FILE<TAB>LABEL");
    Files.writeString(dir.resolve("a.png"), "not a png");
    Files.writeString(dir.resolve("labels.tsv"), "a.png\tcat\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> CropEvaluation.dataset(dir, new ByWidth(),
        new CropEvaluation.Totals(), 0)).isInstanceOf(IOException.class)
        .hasMessageContaining("Not an image");
    Files.writeString(dir.resolve("labels.tsv"), "missing.png\tcat\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> CropEvaluation.dataset(dir, new ByWidth(),
        new CropEvaluation.Totals(), 0)).isInstanceOf(IOException.class)
        .hasMessageContaining("missing.png");
  }
}
