package dev.openocr.synth;

import java.util.Locale;

/**
 * Generated strings that documents are full of: numbers, amounts, dates, codes, phone numbers,
 * e-mail addresses, labels. All are made from the seeded {@link Rng}, never from a data set.
 */
final class DocStrings {
  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June",
      "July", "August", "September", "October", "November", "December"};
  private static final String[] EN_LABELS = {"DATE", "TO", "FROM", "SUBJECT", "NAME", "ADDRESS",
      "PHONE", "FAX", "TOTAL", "AMOUNT", "NO.", "REF", "CODE", "ACCOUNT", "DEPT", "TITLE", "CITY",
      "STATE", "ZIP", "SIGNATURE", "APPROVED BY", "PROJECT", "BUDGET", "COST", "QTY", "PRICE",
      "DESCRIPTION", "REMARKS", "COMMENTS", "TEL", "ATTN", "CC", "RE", "FILE", "PAGE", "ITEM",
      "Date", "To", "From", "Name", "Phone", "Title", "Company", "Number", "Period", "Brand",
      "Region", "Division", "Manager", "Contact", "Quantity", "Unit", "Status", "Time"};
  private static final String[] KO_LABELS = {"성명", "날짜", "일자", "주소", "전화", "전화번호",
      "팩스", "제목", "수신", "발신", "참조", "담당자", "부서", "금액", "합계", "수량", "단가", "비고",
      "품명", "규격", "연락처", "소속", "직위", "서명", "확인", "결재", "번호", "기간", "장소", "내용"};
  private static final String[] DOMAINS = {"example.com", "mail.org", "corp.net", "office.co",
      "univ.edu", "lab.io"};
  private static final String[] UNITS = {"kg", "mm", "cm", "ml", "lb", "oz", "%", "pcs", "hrs"};
  private static final String PUNCT_WRAP = "()[]\"\"''";
  /** Stand-alone punctuation that detectors report as words of their own. */
  private static final String[] PUNCT_WORDS = {":", "-", "/", "&", "#", "*", "$", "%", "(", ")",
      "--", "...", "x", "+", "=", "No.", "#:", "%)", "(1)", "(a)", "\u2022", "-0-"};

  /** Pieces of command lines and file names, as manuals and technical reports print them. */
  private static final String[] COMMAND_WORDS = {"foo", "bar", "bin", "usr", "lib", "etc",
      "share", "doc", "debian", "local", "tmp", "var", "home", "src", "build", "config", "update",
      "remove", "list", "add", "install", "help", "version", "verbose", "quiet", "force", "output",
      "input", "file", "name", "path", "user", "root", "test", "make", "main", "data", "log"};
  private static final String[] COMMAND_EXTS = {".c", ".h", ".txt", ".conf", ".sh", ".py", ".gz",
      ".deb", ".so", ".1", ".html", ".xml", ".json", ".tar.gz", ".d", ".la"};

  private DocStrings() {}

  /** An option, path, file name or shell fragment: {@code --update}, {@code /usr/bin/foo;}. */
  static String command(Rng r) {
    String w = r.pick(COMMAND_WORDS);
    String t = switch (r.range(0, 8)) {
      case 0, 1 -> "--" + w + (r.chance(0.3) ? "-" + r.pick(COMMAND_WORDS) : "");
      case 2 -> "-" + (char) ('a' + r.range(0, 25)) + (r.chance(0.3) ? "" + (char) ('A' + r.range(0, 25)) : "");
      case 3, 4 -> "/" + w + "/" + r.pick(COMMAND_WORDS) + (r.chance(0.5) ? "/" + r.pick(COMMAND_WORDS) : "");
      case 5 -> w + r.pick(COMMAND_EXTS);
      case 6 -> w + "_" + r.pick(COMMAND_WORDS) + (r.chance(0.5) ? "()" : "");
      case 7 -> "$" + (r.chance(0.5) ? w.toUpperCase(Locale.ROOT) : Integer.toString(r.range(0, 9)));
      default -> r.pick(new String[] {"2>&1", ">/dev/null", "&&", "||", "$@", "${" + w + "}", "~/."
          + w, "./" + w, "../" + w});
    };
    return t + (r.chance(0.2) ? r.pick(new String[] {";", ",", ".", ")", ":"}) : "");
  }

  /** One generated token of a random kind. */
  static String token(Rng r, Lang lang) {
    return switch (r.nextInt(12)) {
      case 10 -> r.pick(PUNCT_WORDS);
      case 11 -> lang == Lang.EN ? command(r) : r.pick(PUNCT_WORDS);
      case 0 -> number(r);
      case 1 -> amount(r, lang);
      case 2, 3 -> date(r, lang);
      case 4 -> code(r);
      case 5 -> phone(r);
      case 6 -> email(r);
      case 7 -> measure(r);
      case 8 -> label(r, lang);
      default -> wrapped(r, number(r));
    };
  }

  static String number(Rng r) {
    return switch (r.nextInt(5)) {
      case 0 -> Integer.toString(r.range(0, 99));
      case 1 -> Integer.toString(r.range(100, 99999));
      case 2 -> String.format(Locale.ROOT, "%,d", r.range(1000, 9_999_999));
      case 3 -> String.format(Locale.ROOT, "%." + r.range(1, 3) + "f", r.uniform(0, 1000));
      default -> Long.toString(Math.abs(r.nextLong()) % 10_000_000_000L);
    };
  }

  static String amount(Rng r, Lang lang) {
    if (lang == Lang.KO && r.chance(0.6)) {
      return String.format(Locale.ROOT, "%,d", r.range(1, 9_999) * 1000L) + "원";
    }
    String sym = r.pick(new String[] {"$", "$", "$", "\u00a3", "\u20ac"});
    String v = r.chance(0.7)
        ? String.format(Locale.ROOT, "%,.2f", r.uniform(0, 99_999))
        : String.format(Locale.ROOT, "%,d", r.range(1, 999_999));
    return r.chance(0.1) ? "(" + sym + v + ")" : sym + v;
  }

  static String date(Rng r, Lang lang) {
    int y = r.range(1960, 2030);
    int m = r.range(1, 12);
    int d = r.range(1, 28);
    if (lang == Lang.KO && r.chance(0.5)) {
      return r.chance(0.5) ? y + "년 " + m + "월 " + d + "일" : String.format(Locale.ROOT,
          "%d. %d. %d.", y, m, d);
    }
    return switch (r.nextInt(7)) {
      case 0 -> String.format(Locale.ROOT, "%d/%d/%02d", m, d, y % 100);
      case 1 -> String.format(Locale.ROOT, "%02d/%02d/%d", m, d, y);
      case 2 -> String.format(Locale.ROOT, "%d-%02d-%02d", y, m, d);
      case 3 -> String.format(Locale.ROOT, "%s %d, %d", MONTHS[m - 1], d, y);
      case 4 -> String.format(Locale.ROOT, "%d %s %d", d, MONTHS[m - 1].substring(0, 3), y);
      case 5 -> String.format(Locale.ROOT, "%02d.%02d.%d", d, m, y);
      default -> String.format(Locale.ROOT, "%s-%02d", MONTHS[m - 1].substring(0, 3)
          .toUpperCase(Locale.ROOT), y % 100);
    };
  }

  static String code(Rng r) {
    StringBuilder sb = new StringBuilder();
    int letters = r.range(1, 3);
    for (int i = 0; i < letters; i++) {
      sb.append((char) ('A' + r.nextInt(26)));
    }
    sb.append(r.pick(new String[] {"-", "-", "#", ""}));
    sb.append(r.range(10, 99999));
    if (r.chance(0.3)) {
      sb.append('/').append((char) ('A' + r.nextInt(26)));
    }
    return sb.toString();
  }

  static String phone(Rng r) {
    return switch (r.nextInt(4)) {
      case 0 -> String.format(Locale.ROOT, "(%03d) %03d-%04d", r.range(200, 999), r.range(200, 999),
          r.range(0, 9999));
      case 1 -> String.format(Locale.ROOT, "%03d-%03d-%04d", r.range(200, 999), r.range(200, 999),
          r.range(0, 9999));
      case 2 -> String.format(Locale.ROOT, "02-%d-%04d", r.range(100, 9999), r.range(0, 9999));
      default -> String.format(Locale.ROOT, "+%d %d %d", r.range(1, 99), r.range(10, 999),
          r.range(100000, 9999999));
    };
  }

  static String email(Rng r) {
    StringBuilder sb = new StringBuilder();
    int n = r.range(3, 9);
    for (int i = 0; i < n; i++) {
      sb.append((char) ('a' + r.nextInt(26)));
    }
    if (r.chance(0.4)) {
      sb.append(r.pick(new String[] {".", "_"})).append((char) ('a' + r.nextInt(26)));
    }
    return sb.append('@').append(r.pick(DOMAINS)).toString();
  }

  static String measure(Rng r) {
    return r.range(1, 999) + (r.chance(0.5) ? " " : "") + r.pick(UNITS);
  }

  /** A form label such as {@code DATE:} or {@code 성명:}. */
  static String label(Rng r, Lang lang) {
    String l = lang == Lang.KO && r.chance(0.7) ? r.pick(KO_LABELS) : r.pick(EN_LABELS);
    return r.chance(0.8) ? l + ":" : l;
  }

  private static String wrapped(Rng r, String s) {
    int k = r.nextInt(PUNCT_WRAP.length() / 2) * 2;
    return PUNCT_WRAP.charAt(k) + s + PUNCT_WRAP.charAt(k + 1);
  }
}
