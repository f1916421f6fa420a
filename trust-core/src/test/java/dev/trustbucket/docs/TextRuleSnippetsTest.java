package dev.trustbucket.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TextRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The snippet of docs/text.md, run as written. */
class TextRuleSnippetsTest {
  @Test
  @DisplayName("docs/text.md: using the rule")
  void usingIt() {
    String name = TextRule.checkNonBlank("employee", "Zoë Müller", 200);   // returned as given
    String problem = TextRule.problem("Zoë\u202Egnp.exe", 200).orElse("");
    // must not contain U+202E (a bidirectional embedding, override or isolate) but had one at character 3 in "Zoë\u202Egnp.exe"
    String field = null;
    try {
      TextRule.check("note", "ok\u001B[2J", 1_000);
    } catch (InvalidTrustInputException e) {
      field = e.field();                                                   // note
    }
    assertThat(name).isEqualTo("Zoë Müller");
    assertThat(problem).isEqualTo("must not contain U+202E (a bidirectional embedding, override or isolate) but had one"
        + " at character 3 in \"Zoë\\u202Egnp.exe\"");
    assertThat(field).isEqualTo("note");
  }
}
