package dev.openocr.serve;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Takes the uploaded file out of a {@code multipart/form-data} body (RFC 7578). */
final class Multipart {
  private static final Pattern BOUNDARY =
      Pattern.compile("boundary=(?:\"([^\"]+)\"|([^;\\s]+))", Pattern.CASE_INSENSITIVE);
  private static final Pattern FILENAME =
      Pattern.compile("filename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
  private static final byte[] HEADER_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  /** An uploaded file: its bytes and the name the client gave (may be empty). */
  record Part(byte[] content, String fileName) {}

  private Multipart() {}

  /**
   * The first part that carries a file name, else the first part.
   *
   * @throws HttpError 400 when the body is not well-formed multipart
   */
  static Part firstFile(byte[] body, String contentType) {
    Matcher m = BOUNDARY.matcher(contentType);
    if (!m.find()) {
      throw new HttpError(400, "multipart/form-data without a boundary: " + contentType);
    }
    String boundary = m.group(1) != null ? m.group(1) : m.group(2);
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int pos = indexOf(body, delimiter, 0);
    Part first = null;
    while (pos >= 0) {
      int lineEnd = pos + delimiter.length;
      if (lineEnd + 2 <= body.length && body[lineEnd] == '-' && body[lineEnd + 1] == '-') {
        break;
      }
      int headersEnd = indexOf(body, HEADER_END, lineEnd);
      if (headersEnd < 0) {
        break;
      }
      String headers = new String(body, lineEnd, headersEnd - lineEnd, StandardCharsets.UTF_8);
      int start = headersEnd + HEADER_END.length;
      int end = indexOf(body, next, start);
      if (end < 0) {
        throw new HttpError(400, "multipart/form-data part is not terminated by its boundary");
      }
      Matcher f = FILENAME.matcher(headers);
      Part part = new Part(Arrays.copyOfRange(body, start, end), f.find() ? f.group(1) : "");
      if (f.reset().find() && headers.toLowerCase(Locale.ROOT).contains("content-disposition")) {
        return part;
      }
      first = first == null ? part : first;
      pos = end + 2;
    }
    if (first == null) {
      throw new HttpError(400, "multipart/form-data body holds no part");
    }
    return first;
  }

  static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
