package dev.openocr.engine;

import dev.openocr.detect.DetectedWord;
import dev.openocr.imageio.GrayImage;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The evidence behind the orientation decision, for each page given and for the same page
 * turned clockwise by each of {@code -Dturns} degrees: {@code OrientationProbe IMAGE...}. Prints one line per page and turn:
 * the engine's decision, then for each way of sampling words ({@code largest}, {@code typical})
 * the per-word mean log-probabilities read at 0 and 180 degrees, and at 90 and 270 after turning
 * the page back by 90 degrees. Used to choose the rule in {@link Orientation#decide}.
 */
public final class OrientationProbe {
  /** {@code -Devidence=false} prints the decisions only. */
  private static final boolean EVIDENCE =
      Boolean.parseBoolean(System.getProperty("evidence", "true"));
  /** Turns tried per page, {@code -Dturns=0,180} by default. */
  private static final int[] TURNS = java.util.Arrays.stream(
      System.getProperty("turns", "0,180").split(",")).mapToInt(Integer::parseInt).toArray();

  public static void main(String[] args) throws Exception {
    int wrong = 0;
    try (OcrEngine e = OcrEngine.load(EngineOptions.defaults().withThreads(1));
         OcrSession s = e.session()) {
      for (String f : args) {
        GrayImage img = GrayImage.fromBufferedImage(ImageIO.read(new File(f)));
        for (int turn : TURNS) {
          GrayImage page = turn == 0 ? img : img.rotate(turn);
          List<DetectedWord> dets = s.detector().detect(page);
          if (dets.isEmpty()) {
            System.out.printf("%s turn %d no words%n", new File(f).getName(), turn);
            continue;
          }
          Orientation.Decision d = Orientation.decide(page, dets, s.recognizer(), s.detector());
          wrong += d.degrees() != turn ? 1 : 0;
          StringBuilder line = new StringBuilder(String.format("%s turn %d decided %d (%.2f)",
              new File(f).getName(), turn, d.degrees(), d.confidence()));
          if (!EVIDENCE) {
            System.out.println(line);
            continue;
          }
          GrayImage side = page.rotate(270);
          List<DetectedWord> sideDets = s.detector().detect(side);
          for (String how : new String[] {"largest", "typical"}) {
            List<DetectedWord> sample = how.equals("largest")
                ? Orientation.largest(dets) : Orientation.typical(dets);
            line.append(' ').append(how).append(" s0 ")
                .append(Arrays.toString(Orientation.wordScores(page, sample, 0, s.recognizer(), s.detector().cropMargin())))
                .append(" s180 ")
                .append(Arrays.toString(Orientation.wordScores(page, sample, 180, s.recognizer(), s.detector().cropMargin())));
            if (!sideDets.isEmpty()) {
              List<DetectedWord> ss = how.equals("largest")
                  ? Orientation.largest(sideDets) : Orientation.typical(sideDets);
              line.append(" s90 ")
                  .append(Arrays.toString(Orientation.wordScores(side, ss, 0, s.recognizer(), s.detector().cropMargin())))
                  .append(" s270 ")
                  .append(Arrays.toString(Orientation.wordScores(side, ss, 180, s.recognizer(), s.detector().cropMargin())));
            }
          }
          System.out.println(line.toString().replace(", ", ","));
        }
      }
    }
    System.out.println("wrong " + wrong + " of " + TURNS.length * args.length);
  }
}
