package dev.trustbucket.examples.workshop.web;

import dev.trustbucket.examples.format.Clip;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fields of a request: an {@code application/x-www-form-urlencoded} body or a query string,
 * decoded as UTF-8. The page sends its requests this way, so the server reads them without a JSON
 * parser. Each getter checks one field and throws a {@link BadRequestException} that names it.
 * Immutable.
 */
final class Form {
  /** The most fields a request may have. */
  static final int MAX_FIELDS = 32;

  private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}");
  private static final Pattern DECIMAL = Pattern.compile("\\d{1,6}(\\.\\d{1,12})?");

  private final Map<String, String> fields;

  private Form(Map<String, String> fields) {
    this.fields = fields;
  }

  /**
   * Decodes a form body or a query string.
   *
   * @param encoded the text, e.g. {@code "behaviour=missed-deadline&weight=1.5"}; may be empty
   * @return the fields
   * @throws BadRequestException when the encoding is broken, a field repeats or there are too many
   */
  static Form parse(String encoded) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (encoded.isEmpty()) {
      return new Form(fields);
    }
    for (String pair : encoded.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode("(field name)", eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(name, pair.substring(eq + 1));
      if (fields.put(name, value) != null) {
        throw new BadRequestException(name, "field \"" + Clip.to(name, 40) + "\" is given twice");
      }
      if (fields.size() > MAX_FIELDS) {
        throw new BadRequestException("(form)", "a request has at most " + MAX_FIELDS + " fields");
      }
    }
    return new Form(fields);
  }

  /** Percent-decoding with '+' as a space; refuses broken escapes and bytes that are not UTF-8. */
  private static String decode(String field, String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
            || Character.digit(text.charAt(i + 2), 16) < 0) {
          throw new BadRequestException(field, "field \"" + Clip.to(field, 40) + "\" has a broken %-escape");
        }
        bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BadRequestException(field, "field \"" + Clip.to(field, 40) + "\" is not UTF-8 text");
    }
  }

  /** The field's value, if given. */
  Optional<String> optional(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** The field's value; a 400 naming it when it is missing or blank. */
  String required(String name) {
    String v = fields.get(name);
    if (v == null || v.isBlank()) {
      throw new BadRequestException(name, "field \"" + name + "\" is required");
    }
    return v;
  }

  /** A whole number in [min, max]. */
  int whole(String name, int min, int max) {
    String v = required(name);
    if (WHOLE.matcher(v).matches()) {
      long n = Long.parseLong(v);
      if (n >= min && n <= max) {
        return (int) n;
      }
    }
    throw new BadRequestException(name, "field \"" + name + "\" must be a whole number from " + min + " to " + max
        + " but was \"" + Clip.to(v, 40) + "\"");
  }

  /** A plain decimal number in [min, max]. */
  double decimal(String name, double min, double max) {
    String v = required(name);
    if (DECIMAL.matcher(v).matches()) {
      double d = Double.parseDouble(v);
      if (d >= min && d <= max) {
        return d;
      }
    }
    throw new BadRequestException(name, "field \"" + name + "\" must be a number from "
        + dev.trustbucket.examples.format.Percent.plain(min) + " to " + dev.trustbucket.examples.format.Percent.plain(max)
        + " but was \"" + Clip.to(v, 40) + "\"");
  }
}
