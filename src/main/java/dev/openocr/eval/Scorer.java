package dev.openocr.eval;

import dev.openocr.document.TextDistance;
import dev.openocr.geometry.Box;
import dev.openocr.geometry.BoxMatching;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Word-level scores, the same as the reference scorer ({@code shared/eval/score.py}): detection
 * P/R/F1 at IoU >= threshold with one-to-one matching, end-to-end P/R/F1 (exact and caseless),
 * recognition accuracy and CER over matched pairs. Micro-averaged over words.
 */
public final class Scorer {
  private Scorer() {}

  /** Raw counts; metrics derive from them. */
  public static final class Counts {
    public long gtWords;
    public long predWords;
    public long matched;
    public long e2eExact;
    public long e2eCaseless;
    public long gtChars;
    public long matchedGtChars;
    public long matchedEdits;
    public long matchedEditsCaseless;
    public long unmatchedGtChars;
    public long unmatchedPredChars;
    public int images;
    public int missingPredFiles;

    public double[] detection() {
      return prf(matched, gtWords, predWords);
    }

    public double[] e2eExactPrf() {
      return prf(e2eExact, gtWords, predWords);
    }

    public double[] e2eCaselessPrf() {
      return prf(e2eCaseless, gtWords, predWords);
    }

    public double recAccExact() {
      return matched == 0 ? 0 : (double) e2eExact / matched;
    }

    public double recAccCaseless() {
      return matched == 0 ? 0 : (double) e2eCaseless / matched;
    }

    public double cerMatched() {
      return matchedGtChars == 0 ? 0 : (double) matchedEdits / matchedGtChars;
    }

    public double cerE2e() {
      return gtChars == 0 ? 0
          : (double) (matchedEdits + unmatchedGtChars + unmatchedPredChars) / gtChars;
    }

    /** {@code [recall, precision, f1]}, the reference scorer's order. */
    static double[] prf(long tp, long gt, long pred) {
      double r = gt == 0 ? 0 : (double) tp / gt;
      double p = pred == 0 ? 0 : (double) tp / pred;
      double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
      return new double[] {r, p, f};
    }

    /** A report in the reference scorer's layout. */
    public String report() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "images %d  gt_words %d  pred_words %d  matched %d  "
          + "missing_pred_files %d%n", images, gtWords, predWords, matched, missingPredFiles));
      sb.append(String.format(Locale.ROOT, "%-14s%9s%11s%9s%n", "metric", "recall", "precision", "F1"));
      row(sb, "detection", detection());
      row(sb, "e2e_exact", e2eExactPrf());
      row(sb, "e2e_caseless", e2eCaselessPrf());
      sb.append(String.format(Locale.ROOT, "rec_acc exact %.4f  caseless %.4f  (over %d matched pairs)%n",
          recAccExact(), recAccCaseless(), matched));
      sb.append(String.format(Locale.ROOT, "CER matched %.4f  e2e %.4f%n", cerMatched(), cerE2e()));
      return sb.toString();
    }

    private static void row(StringBuilder sb, String name, double[] m) {
      sb.append(String.format(Locale.ROOT, "%-14s%9.4f%11.4f%9.4f%n", name, m[0], m[1], m[2]));
    }

    public Map<String, Object> toMap() {
      Map<String, Object> m = new HashMap<>();
      m.put("detection", prfMap(detection()));
      m.put("e2e_exact", prfMap(e2eExactPrf()));
      m.put("e2e_caseless", prfMap(e2eCaselessPrf()));
      m.put("rec_acc_exact", recAccExact());
      m.put("rec_acc_caseless", recAccCaseless());
      m.put("cer_matched", cerMatched());
      m.put("cer_e2e", cerE2e());
      m.put("gt_words", gtWords);
      m.put("pred_words", predWords);
      m.put("matched", matched);
      m.put("images", images);
      return m;
    }

    private static Map<String, Double> prfMap(double[] v) {
      return Map.of("recall", v[0], "precision", v[1], "f1", v[2]);
    }
  }

  /** Scores every GT page against the prediction of the same stem (missing = no words). */
  public static Counts score(Map<String, ScoreFiles.PageFile> gt,
      Map<String, ScoreFiles.PageFile> pred, double iou) {
    Counts c = new Counts();
    for (var e : gt.entrySet()) {
      ScoreFiles.PageFile p = pred.get(e.getKey());
      if (p == null) {
        c.missingPredFiles++;
      }
      scorePage(e.getValue().words(), p == null ? List.of() : p.words(), iou, c);
      c.images++;
    }
    return c;
  }

  static void scorePage(List<ScoredWord> gtWords, List<ScoredWord> predWords, double iou, Counts c) {
    List<ScoredWord> gw = nonEmpty(gtWords);
    List<ScoredWord> pw = nonEmpty(predWords);
    List<Box> gb = gw.stream().map(ScoredWord::box).toList();
    List<Box> pb = pw.stream().map(ScoredWord::box).toList();
    List<BoxMatching.Pair> pairs = BoxMatching.match(gb, pb, iou);
    c.gtWords += gw.size();
    c.predWords += pw.size();
    c.matched += pairs.size();
    boolean[] mg = new boolean[gw.size()];
    boolean[] mp = new boolean[pw.size()];
    for (ScoredWord w : gw) {
      c.gtChars += len(w.text().strip());
    }
    for (BoxMatching.Pair m : pairs) {
      mg[m.gt()] = true;
      mp[m.pred()] = true;
      String a = pw.get(m.pred()).text().strip();
      String b = gw.get(m.gt()).text().strip();
      c.e2eExact += a.equals(b) ? 1 : 0;
      c.e2eCaseless += a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT)) ? 1 : 0;
      c.matchedGtChars += len(b);
      c.matchedEdits += TextDistance.levenshtein(a, b);
      c.matchedEditsCaseless += TextDistance.levenshtein(a.toLowerCase(Locale.ROOT),
          b.toLowerCase(Locale.ROOT));
    }
    for (int i = 0; i < gw.size(); i++) {
      if (!mg[i]) {
        c.unmatchedGtChars += len(gw.get(i).text().strip());
      }
    }
    for (int j = 0; j < pw.size(); j++) {
      if (!mp[j]) {
        c.unmatchedPredChars += len(pw.get(j).text().strip());
      }
    }
  }

  private static List<ScoredWord> nonEmpty(List<ScoredWord> ws) {
    List<ScoredWord> out = new ArrayList<>();
    for (ScoredWord w : ws) {
      if (!w.text().strip().isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static int len(String s) {
    return s.codePointCount(0, s.length());
  }
}
