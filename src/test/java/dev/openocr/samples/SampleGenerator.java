package dev.openocr.samples;

import dev.openocr.imageio.TestImages;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes the bundled sample input: a letter, a form and an invoice (PNG) and a two-page report
 * (TIFF), A4 at 100 dpi, with {@code expected/<stem>.txt} (the text; pages separated by a form
 * feed line) and {@code expected/<stem>.json} (word boxes in the evaluation format, page 0 only
 * for the TIFF; page k is {@code <stem>-p<k>.json}).
 *
 * <p>{@code mvn -q -o test-compile exec:java} is not available offline, so run it as
 * {@code java -cp target/test-classes:target/classes:$(cat target/classpath.txt)
 * dev.openocr.samples.SampleGenerator samples}.
 */
public final class SampleGenerator {
  /** A4 at 100 dpi: small files, text still 10-14 px high. */
  static final int W = 827;
  static final int H = 1169;
  private static final String SERIF = "DejaVu Serif";
  private static final String SANS = "Liberation Sans";
  private static final String MONO = "DejaVu Sans Mono";

  private SampleGenerator() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "samples");
    Files.createDirectories(dir.resolve("expected"));
    save(dir, "letter", List.of(letter()), "png");
    save(dir, "form", List.of(form()), "png");
    save(dir, "invoice", List.of(invoice()), "png");
    save(dir, "report", List.of(report(1), report(2)), "tif");
  }

  private static void save(Path dir, String stem, List<SamplePage> pages, String ext)
      throws IOException {
    List<BufferedImage> images = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < pages.size(); i++) {
      SamplePage p = pages.get(i);
      images.add(p.image());
      text.append(i > 0 ? "\f\n" : "").append(p.text());
      String json = stem + (i > 0 ? "-p" + i : "") + ".json";
      try (Writer w = Files.newBufferedWriter(dir.resolve("expected").resolve(json),
          StandardCharsets.UTF_8)) {
        p.writeGroundTruth(w, stem + "." + ext);
      }
    }
    Path file = dir.resolve(stem + "." + ext);
    if (ext.equals("png")) {
      ImageIO.write(images.get(0), "png", file.toFile());
    } else {
      Files.write(file, TestImages.tiff(images));
    }
    Files.writeString(dir.resolve("expected").resolve(stem + ".txt"), text.toString());
  }

  static SamplePage letter() {
    SamplePage p = new SamplePage(W, H);
    int y = 90;
    p.text(SERIF, Font.BOLD, 20, 70, y, "Harbor Lane Printing Co.");
    p.text(SERIF, Font.PLAIN, 13, 70, y += 24, "14 Quay Street, Portsmouth PO1 3AB");
    p.text(SERIF, Font.PLAIN, 14, 70, y += 60, "12 March 2024");
    p.text(SERIF, Font.PLAIN, 14, 70, y += 44, "Dear Ms. Alvarez,");
    String[] body = {
        "Thank you for your order of five hundred catalogues for the spring",
        "exhibition. The proofs were approved on Monday and printing will",
        "begin next week. We expect delivery to your office by 29 March.",
        "",
        "The paper you selected is a matte coated stock of 150 grams. Please",
        "let us know before Friday if the colour of the cover should change,",
        "as the plates are made on that day.",
        "",
        "We appreciate your continued business and look forward to working",
        "with you again this autumn."};
    y += 20;
    for (String line : body) {
      y += 24;
      if (!line.isEmpty()) {
        p.text(SERIF, Font.PLAIN, 14, 70, y, line);
      }
    }
    p.text(SERIF, Font.PLAIN, 14, 70, y += 50, "Yours sincerely,");
    p.text(SERIF, Font.ITALIC, 16, 70, y += 60, "Thomas Whitfield");
    p.text(SERIF, Font.PLAIN, 13, 70, y += 22, "Production Manager");
    return p;
  }

  static SamplePage form() {
    SamplePage p = new SamplePage(W, H);
    p.text(SANS, Font.BOLD, 22, 70, 90, "APPLICATION FOR LIBRARY CARD");
    p.rule(70, 104, 757, 2f);
    String[][] fields = {{"Full name:", "Maria Chen"}, {"Date of birth:", "04/11/1988"},
        {"Address:", "221 Elm Avenue, Springfield"}, {"Telephone:", "555-0142"},
        {"Email:", "mchen@example.org"}};
    int y = 160;
    for (String[] f : fields) {
      p.text(SANS, Font.PLAIN, 14, 70, y, f[0]);
      p.text(MONO, Font.PLAIN, 14, 230, y, f[1]);
      p.rule(225, y + 6, 700, 1f);
      y += 46;
    }
    p.text(SANS, Font.BOLD, 15, 70, y += 20, "Membership type");
    String[] types = {"Adult", "Student", "Senior"};
    for (int i = 0; i < types.length; i++) {
      p.box(70 + 170 * i, y + 20, 14, 14);
      p.text(SANS, Font.PLAIN, 14, 94 + 170 * i, y + 33, types[i]);
    }
    y += 90;
    p.text(SANS, Font.PLAIN, 12, 70, y, "I agree to return borrowed items on time and to pay");
    p.text(SANS, Font.PLAIN, 12, 70, y += 20, "any fines for late or damaged materials.");
    p.text(SANS, Font.PLAIN, 14, 70, y += 60, "Signature:");
    p.rule(160, y + 6, 420, 1f);
    p.text(SANS, Font.PLAIN, 14, 450, y, "Date:");
    p.text(MONO, Font.PLAIN, 14, 500, y, "2024-03-12");
    return p;
  }

  static SamplePage invoice() {
    SamplePage p = new SamplePage(W, H);
    p.text(SANS, Font.BOLD, 26, 70, 90, "INVOICE");
    p.text(SANS, Font.PLAIN, 13, 520, 90, "Invoice No. 2024-0317");
    p.text(SANS, Font.PLAIN, 13, 520, 110, "Date: 17 March 2024");
    p.text(SANS, Font.BOLD, 13, 70, 150, "Bill to:");
    p.text(SANS, Font.PLAIN, 13, 70, 170, "Northwind Traders Ltd.");
    p.text(SANS, Font.PLAIN, 13, 70, 188, "8 Mill Road, Cambridge CB1 2AD");
    int y = 250;
    p.rule(70, y - 18, 757, 1.5f);
    p.text(SANS, Font.BOLD, 13, 70, y, "Description");
    p.text(SANS, Font.BOLD, 13, 430, y, "Qty");
    p.text(SANS, Font.BOLD, 13, 520, y, "Price");
    p.text(SANS, Font.BOLD, 13, 650, y, "Amount");
    p.rule(70, y + 8, 757, 1f);
    String[][] items = {{"Office chairs", "4", "85.00", "340.00"},
        {"Standing desk", "1", "420.00", "420.00"}, {"Desk lamps", "6", "18.50", "111.00"},
        {"Delivery", "1", "35.00", "35.00"}};
    for (String[] it : items) {
      y += 30;
      p.text(SANS, Font.PLAIN, 13, 70, y, it[0]);
      p.text(MONO, Font.PLAIN, 13, 430, y, it[1]);
      p.text(MONO, Font.PLAIN, 13, 520, y, it[2]);
      p.text(MONO, Font.PLAIN, 13, 650, y, it[3]);
    }
    p.rule(70, y + 12, 757, 1f);
    p.text(SANS, Font.PLAIN, 13, 520, y += 40, "Subtotal");
    p.text(MONO, Font.PLAIN, 13, 650, y, "906.00");
    p.text(SANS, Font.PLAIN, 13, 520, y += 24, "VAT 20%");
    p.text(MONO, Font.PLAIN, 13, 650, y, "181.20");
    p.text(SANS, Font.BOLD, 14, 520, y += 28, "Total");
    p.text(MONO, Font.BOLD, 14, 650, y, "1087.20");
    p.text(SANS, Font.PLAIN, 12, 70, y + 80, "Payment due within 30 days. Thank you.");
    return p;
  }

  static SamplePage report(int page) {
    SamplePage p = new SamplePage(W, H);
    String[] lines = page == 1 ? new String[] {
        "Quarterly Report on Water Quality",
        "Samples were taken from twelve wells between January and March.",
        "Nitrate levels stayed below the limit in every well but one.",
        "Well number seven showed a reading of 52 milligrams per litre,",
        "which is above the guideline value of 50."} : new String[] {
        "Recommendations",
        "Test well seven again in April before any treatment is chosen.",
        "Inform the owners of nearby farms about the results.",
        "Review the sampling schedule for the next quarter.",
        "Page 2 of 2"};
    p.text(SERIF, Font.BOLD, 20, 70, 100, lines[0]);
    int y = 150;
    for (int i = 1; i < lines.length; i++) {
      p.text(SERIF, Font.PLAIN, 14, 70, y += 28, lines[i]);
    }
    return p;
  }
}
