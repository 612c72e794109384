package dev.openocr.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.openocr.geometry.Box;
import dev.openocr.geometry.BoxMatching;
import dev.openocr.testing.Prerequisites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java scorer gives the reference scorer's numbers on the same random, overlapping pages. */
class ScorerAgreementTest {
  private static final Path REFERENCE = Path.of("..", "shared", "eval", "score.py");
  private static final String[] VOCAB = {"TO:", "Date", "date", "1987", "the", "Re:", "$12.50", "a"};

  @TempDir
  Path tmp;

  @Test
  void agreesWithReferenceScorer() throws Exception {
    Prerequisites.require(Files.exists(REFERENCE), "the reference scorer " + REFERENCE
        + " (the shared folder beside the repository)");
    Random r = new Random(42);
    Path gt = Files.createDirectories(tmp.resolve("gt"));
    Path pred = Files.createDirectories(tmp.resolve("pred"));
    for (int page = 0; page < 6; page++) {
      List<ScoredWord> g = new ArrayList<>();
      List<ScoredWord> p = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        double x = r.nextInt(400);
        double y = r.nextInt(300);
        Box b = new Box(x, y, x + 10 + r.nextInt(60), y + 8 + r.nextInt(10));
        String t = VOCAB[r.nextInt(VOCAB.length)];
        g.add(new ScoredWord(t, b, 1));
        if (r.nextDouble() < 0.8) {
          // jittered prediction, sometimes split in two, sometimes with other text
          double dx = r.nextGaussian() * 4;
          double dy = r.nextGaussian() * 2;
          Box pb = new Box(b.left() + dx, b.top() + dy, b.right() + dx + r.nextGaussian() * 3,
              b.bottom() + dy);
          String pt = r.nextDouble() < 0.7 ? t : VOCAB[r.nextInt(VOCAB.length)];
          p.add(new ScoredWord(pt, pb, r.nextDouble()));
          if (r.nextDouble() < 0.2) {
            p.add(new ScoredWord(pt, new Box(pb.left(), pb.top(), pb.centerX(), pb.bottom()), 0.5));
          }
        }
      }
      if (page == 5) {
        p.clear(); // a page with no prediction file at all
      } else {
        ScoreFiles.write(pred.resolve("p" + page + ".json"), new ScoreFiles.PageFile("p" + page + ".png", 500, 400, p));
      }
      ScoreFiles.write(gt.resolve("p" + page + ".json"), new ScoreFiles.PageFile("p" + page + ".png", 500, 400, g));
    }
    Scorer.Counts c = Scorer.score(ScoreFiles.readDir(tmp), ScoreFiles.readDir(pred), 0.5);
    Process proc = new ProcessBuilder("python3", REFERENCE.toString(), tmp.toString(), pred.toString(),
        "--json", "-").redirectErrorStream(false).start();
    String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(proc.waitFor()).isZero();
    JsonObject ref = JsonParser.parseString(out).getAsJsonObject();
    JsonObject counts = ref.getAsJsonObject("counts");
    assertThat(c.matched).isEqualTo(counts.get("matched").getAsLong());
    assertThat(c.e2eExact).isEqualTo(counts.get("e2e_exact").getAsLong());
    assertThat(c.e2eCaseless).isEqualTo(counts.get("e2e_caseless").getAsLong());
    assertThat(c.predWords).isEqualTo(counts.get("pred_words").getAsLong());
    assertThat(c.missingPredFiles).isEqualTo(counts.get("missing_pred_files").getAsInt());
    assertThat(c.detection()[2]).isCloseTo(ref.getAsJsonObject("detection").get("f1").getAsDouble(), within(1e-6));
    assertThat(c.cerMatched()).isCloseTo(ref.get("cer_matched").getAsDouble(), within(1e-6));
    assertThat(c.cerE2e()).isCloseTo(ref.get("cer_e2e").getAsDouble(), within(1e-6));
  }

  @Test
  void assignmentMaximizesTotalIouWhereGreedyWouldNot() {
    // greedy takes A-P (0.90) then B-Q (0.54); the maximum total is A-Q (0.85) + B-P (0.73)
    Box a = new Box(0, 0, 10, 10);
    Box b = new Box(2, 0, 12, 10);
    Box p = new Box(1, 0, 10, 10);
    Box q = new Box(0, 0, 8.5, 10);
    List<BoxMatching.Pair> m = BoxMatching.match(List.of(a, b), List.of(p, q), 0.5);
    assertThat(m).extracting(BoxMatching.Pair::gt, BoxMatching.Pair::pred)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 1), org.assertj.core.groups.Tuple.tuple(1, 0));
  }
}
