package dev.openocr.engine;

import dev.openocr.detect.DetectedWord;
import dev.openocr.detect.DetectorOptions;
import dev.openocr.detect.TextDetector;
import dev.openocr.document.Page;
import dev.openocr.document.Scripts;
import dev.openocr.document.Word;
import dev.openocr.geometry.Quad;
import dev.openocr.imageio.GrayImage;
import dev.openocr.layout.LayoutAnalyzer;
import dev.openocr.recognize.CropPreprocessor;
import dev.openocr.recognize.Recognition;
import dev.openocr.recognize.TextRecognizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One thread's pipeline: detect -> rectify -> recognize -> split boxes at read word spaces ->
 * assemble. With a Hangul pair ({@code --lang auto}), a sample of each page's words decides
 * which pair reads the page ({@link ScriptVote}). Not thread-safe.
 */
public final class OcrSession implements AutoCloseable {
  private final TextDetector latinDetector;
  private final TextRecognizer latinRecognizer;
  /** The Hangul pair (a view of the Latin detector with its own settings) and the vote, or null. */
  private final HangulReading hangul;
  private final boolean detectOrientation;
  /** The pair reading the current page. */
  private TextDetector detector;
  private TextRecognizer recognizer;
  private PageTimings lastTimings = PageTimings.ZERO;

  /**
   * What reads a Hangul page, and the vote that finds one.
   *
   * @param detector a view of the Latin detector with the Hangul pair's settings
   * @param recognizer the Hangul recognizer
   * @param vote the session's script vote
   */
  record HangulReading(TextDetector detector, TextRecognizer recognizer, ScriptVote vote) {}

  OcrSession(TextDetector detector, TextRecognizer recognizer, boolean detectOrientation) {
    this(detector, recognizer, null, detectOrientation);
  }

  OcrSession(TextDetector detector, TextRecognizer recognizer, HangulReading hangul,
      boolean detectOrientation) {
    this.latinDetector = detector;
    this.latinRecognizer = recognizer;
    this.hangul = hangul;
    this.detector = detector;
    this.recognizer = recognizer;
    this.detectOrientation = detectOrientation;
  }

  /** Reads one page; words come back in the page's own pixel coordinates. */
  public Page ocr(GrayImage page) {
    long t0 = System.nanoTime();
    List<DetectedWord> dets = detectAndChoose(page);
    long tDet = System.nanoTime() - t0;
    DetectorOptions.CropMargin m = detector.cropMargin();
    long t1 = System.nanoTime();
    List<Recognition> recs = read(page, dets, m);
    long tRec = System.nanoTime() - t1;
    Orientation.Decision o = new Orientation.Decision(0, 1.0);
    GrayImage upright = page;
    if (detectOrientation && !dets.isEmpty()) {
      long tr = System.nanoTime();
      // the page's own readings are the upright ones; only turned readings cost more
      o = Orientation.decide(page, dets, recs, recognizer, detector);
      if (o.degrees() != 0) {
        // OCR the page upright; boxes go back to the scan's frame at the end
        upright = page.rotate(360 - o.degrees());
        dets = detectAndChoose(upright);
        m = detector.cropMargin();
        recs = read(upright, dets, m);
      }
      // the orientation test and any second pass count as detection time
      tDet += System.nanoTime() - tr;
    }
    t1 = System.nanoTime();
    if (!dets.isEmpty()) {
      dets = new ArrayList<>(dets);
      recs = new ArrayList<>(recs);
      readSidewaysBothWays(upright, dets, recs, m);
      if (detector.joinGap() > 0 && recognizer.readsWordSpaces()) {
        // only a recognizer that reads word spaces can tell pieces of a word from two words
        joinFragments(upright, dets, recs, m);
      }
    }
    long t2 = System.nanoTime();
    tRec += t2 - t1;
    List<Word> words = new ArrayList<>(dets.size());
    for (int i = 0; i < dets.size(); i++) {
      Recognition r = recs.get(i);
      if (r.text().isEmpty()) {
        continue;
      }
      // a box around several words becomes a box per word where the recognizer read spaces
      words.addAll(WordSplit.split(r, dets.get(i).quad(), dets.get(i).score(), m.x(),
          detector.boxPadding()));
    }
    Page result = LayoutAnalyzer.assemble(words, upright.width(), upright.height(), 0,
        o.confidence());
    if (o.degrees() != 0) {
      result = Orientation.toOriginal(result, o.degrees(), page.width(), page.height(),
          o.confidence());
    }
    long t3 = System.nanoTime();
    lastTimings = new PageTimings(tDet / 1_000_000, tRec / 1_000_000, (t3 - t2) / 1_000_000);
    return result;
  }

  /**
   * The page's words. With a Hangul pair, the Latin detector's first look ({@link
   * TextDetector#probe}) finds words whose sample, read both ways, decides which pair reads the
   * page ({@link ScriptVote}); the chosen pair's detector then finishes from that look with its
   * own settings (scale, thresholds, margins). The vote counts as detection time.
   */
  private List<DetectedWord> detectAndChoose(GrayImage page) {
    detector = latinDetector;
    recognizer = latinRecognizer;
    if (hangul != null) {
      List<DetectedWord> first = latinDetector.probe(page);
      if (!first.isEmpty() && hangul.vote().hangul(page, first, latinDetector.cropMargin())) {
        detector = hangul.detector();
        recognizer = hangul.recognizer();
      }
    }
    return detector.detect(page);
  }

  /** Each word read from its crop, framed by its line ({@link LineFrames}). */
  private List<Recognition> read(GrayImage page, List<DetectedWord> dets,
      DetectorOptions.CropMargin m) {
    if (dets.isEmpty()) {
      return List.of();
    }
    List<GrayImage> crops = new ArrayList<>(dets.size());
    for (Quad frame : LineFrames.of(dets)) {
      crops.add(CropPreprocessor.cut(page, frame, m.x(), m.y()));
    }
    List<Recognition> recs = recognizer.recognize(crops);
    return hangul != null && recognizer == hangul.recognizer() ? withLatinRereads(crops, recs)
        : recs;
  }

  /**
   * On a Hangul page, the words the Hangul recognizer read as Latin (no Hangul letter, a Latin
   * one) are read again by the Latin recognizer, which keeps its reading when it is more likely
   * per character: it reads options, paths and names the Hangul recognizer, trained on few, does
   * not.
   */
  private List<Recognition> withLatinRereads(List<GrayImage> crops, List<Recognition> recs) {
    List<Integer> latin = new ArrayList<>();
    List<GrayImage> again = new ArrayList<>();
    for (int i = 0; i < recs.size(); i++) {
      if (Scripts.LATIN.equals(Scripts.of(recs.get(i).text()))) {
        latin.add(i);
        again.add(crops.get(i));
      }
    }
    if (latin.isEmpty()) {
      return recs;
    }
    List<Recognition> out = new ArrayList<>(recs);
    List<Recognition> read = latinRecognizer.recognize(again);
    for (int k = 0; k < latin.size(); k++) {
      Recognition r = read.get(k);
      int i = latin.get(k);
      if (!r.text().isEmpty() && perChar(r) > perChar(out.get(i))) {
        out.set(i, r);
      }
    }
    return out;
  }

  /**
   * Words printed sideways are read more than one way and keep the best reading (highest
   * log-probability per character). A word the detector's sideways pass found (its reading
   * direction, first to second corner, runs down or up the page) is also read the other way
   * round: the detector cannot tell a word printed bottom to top from one printed top to bottom.
   * A box at least {@link #TALL} times as tall as wide in the page's frame (a sideways word the
   * network scored high, or one tall character) is also read turned by 90 and by 270 degrees; a
   * turned reading replaces the upright one only with two characters or more (one tall character
   * read across is a dash) and when better by {@link Orientation#UPRIGHT_MARGIN}.
   */
  private void readSidewaysBothWays(GrayImage page, List<DetectedWord> dets,
      List<Recognition> recs, DetectorOptions.CropMargin m) {
    List<Integer> idx = new ArrayList<>();
    List<Quad> turned = new ArrayList<>();
    List<GrayImage> crops = new ArrayList<>();
    for (int i = 0; i < dets.size(); i++) {
      Quad q = dets.get(i).quad();
      int[] degs = sideways(q) ? new int[] {180} : tall(q) ? new int[] {90, 270} : new int[0];
      for (int deg : degs) {
        Quad t = Orientation.readingQuad(q, deg);
        idx.add(i);
        turned.add(t);
        crops.add(CropPreprocessor.cut(page, t, m.x(), m.y()));
      }
    }
    if (idx.isEmpty()) {
      return;
    }
    List<Recognition> other = recognizer.recognize(crops);
    double[] best = new double[dets.size()];
    boolean[] reread = new boolean[dets.size()];
    for (int k = 0; k < idx.size(); k++) {
      int i = idx.get(k);
      if (k == 0 || idx.get(k - 1) != i) {
        reread[i] = sideways(dets.get(i).quad());
        best[i] = perChar(recs.get(i)) + (reread[i] ? 0 : Orientation.UPRIGHT_MARGIN);
      }
      Recognition r = other.get(k);
      double s = perChar(r);
      if (s > best[i] && (reread[i] || r.charProbs().length >= 2)) {
        best[i] = s;
        dets.set(i, new DetectedWord(turned.get(k), dets.get(i).score()));
        recs.set(i, r);
      }
    }
  }

  /** Chains of more boxes than this are left as they are (long runs are seldom one word). */
  static final int JOIN_MAX = 3;
  /**
   * Chains whose joined box is longer than this many times its height are left as they are:
   * with the crop's margins such a crop is wider than the recognizer reads without squeezing
   * (8 times its height), and a squeezed line of words reads without its spaces.
   */
  static final double JOIN_ASPECT = 12;

  /**
   * Reads each chain of {@link FragmentJoin#chains} (at most {@link #JOIN_MAX} boxes, no longer
   * than {@link #JOIN_ASPECT} heights) as one crop and puts one word in its place when the
   * reading holds no word space. With a word list, a chain where two neighbours read as listed
   * words is joined only when the joined reading is one too ("beet" "led": "beetled").
   */
  private void joinFragments(GrayImage page, List<DetectedWord> dets, List<Recognition> recs,
      DetectorOptions.CropMargin m) {
    List<Quad> quads = new ArrayList<>(dets.size());
    for (DetectedWord d : dets) {
      quads.add(d.quad());
    }
    List<int[]> chains = FragmentJoin.chains(quads, detector.joinGap(), detector.boxPadding());
    List<Quad> unions = new ArrayList<>(chains.size());
    List<GrayImage> crops = new ArrayList<>(chains.size());
    for (java.util.Iterator<int[]> it = chains.iterator(); it.hasNext(); ) {
      int[] c = it.next();
      Quad u = FragmentJoin.union(quads, c);
      if (c.length > JOIN_MAX || u.width() > JOIN_ASPECT * u.height()) {
        it.remove();
        continue;
      }
      unions.add(u);
      crops.add(CropPreprocessor.cut(page, u, m.x(), m.y()));
    }
    if (crops.isEmpty()) {
      return;
    }
    List<Recognition> read = recognizer.recognize(crops);
    Predicate<String> lex = recognizer.wordList();
    boolean[] drop = new boolean[dets.size()];
    List<DetectedWord> joinedDets = new ArrayList<>();
    List<Recognition> joinedRecs = new ArrayList<>();
    for (int k = 0; k < chains.size(); k++) {
      Recognition r = read.get(k);
      if (r.text().isEmpty() || r.cuts().length > 0
          || lex != null && twoListedWords(chains.get(k), recs, lex) && !listed(r.text(), lex)
              && !compound(r.text())) {
        continue;
      }
      double score = 0;
      for (int i : chains.get(k)) {
        drop[i] = true;
        score = Math.max(score, dets.get(i).score());
      }
      joinedDets.add(new DetectedWord(unions.get(k), score));
      joinedRecs.add(r);
    }
    for (int i = dets.size() - 1; i >= 0; i--) {
      if (drop[i]) {
        dets.remove(i);
        recs.remove(i);
      }
    }
    dets.addAll(joinedDets);
    recs.addAll(joinedRecs);
  }

  /**
   * Whether a reading joins letters or digits through punctuation ({@code NEWS.Debian},
   * {@code dh_make}, {@code i386/amd64}): a file name, identifier or path, which the link map
   * often breaks at its punctuation, not two words that only a word list can tell apart.
   */
  static boolean compound(String text) {
    return COMPOUND.matcher(text).find();
  }

  private static final java.util.regex.Pattern COMPOUND =
      java.util.regex.Pattern.compile("[\\p{L}\\p{N}][._/\\\\:@-]+[\\p{L}\\p{N}]");

  /** Whether two neighbours of the chain read as listed words of two letters or more. */
  static boolean twoListedWords(int[] chain, List<Recognition> recs, Predicate<String> lex) {
    for (int j = 0; j + 1 < chain.length; j++) {
      if (listed(recs.get(chain[j]).text(), lex) && listed(recs.get(chain[j + 1]).text(), lex)) {
        return true;
      }
    }
    return false;
  }

  /** A listed word of two letters or more, once punctuation around it is left out. */
  static boolean listed(String text, Predicate<String> lex) {
    String w = text.replaceAll("^\\P{L}+|\\P{L}+$", "");
    return w.length() >= 2 && w.codePoints().allMatch(Character::isLetter) && lex.test(w);
  }

  /** A page-frame box this many times as tall as wide may be a word printed sideways. */
  static final double TALL = 2.0;

  /** Whether the quad's reading direction (first to second corner) runs more down than across. */
  static boolean sideways(Quad q) {
    return q.runsAcross(0);
  }

  /** Whether an across-reading quad is tall enough to be a word printed sideways. */
  static boolean tall(Quad q) {
    return !sideways(q) && q.height() >= TALL * q.width();
  }

  private static double perChar(Recognition r) {
    return r.text().isEmpty() ? Double.NEGATIVE_INFINITY : Orientation.logProbPerChar(r);
  }

  TextDetector detector() {
    return detector;
  }

  TextRecognizer recognizer() {
    return recognizer;
  }

  /** Stage timings of the last {@link #ocr} call. */
  public PageTimings lastTimings() {
    return lastTimings;
  }

  @Override
  public void close() {
    try (TextDetector d = latinDetector; TextRecognizer r = latinRecognizer;
        TextDetector hd = hangul == null ? null : hangul.detector();
        TextRecognizer hr = hangul == null ? null : hangul.recognizer();
        ScriptVote v = hangul == null ? null : hangul.vote()) {
      // closed in reverse order (null ones skipped): the Hangul view before the detector whose
      // network it uses
    }
  }
}
