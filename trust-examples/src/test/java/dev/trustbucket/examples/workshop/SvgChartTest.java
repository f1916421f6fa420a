package dev.trustbucket.examples.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.TrustPolicy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgChartTest {
  private static final String SVG = "http://www.w3.org/2000/svg";
  private final Timeline story = ScenarioRunner.of(TrustPolicy.defaults()).run(EssayStory.scenario());

  @Test
  void isWellFormedSvgWithTitleBandsLineMarksAndLegend() throws Exception {
    String svg = SvgChart.render(story);
    Document doc = parse(svg);
    Element root = doc.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("svg");
    assertThat(root.getNamespaceURI()).isEqualTo(SVG);
    assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 960 560");

    assertThat(texts(doc, "title")).contains("The essay's story");
    assertThat(byClass(doc, "text", "subtitle")).extracting(Element::getTextContent)
        .containsExactly(EssayStory.scenario().description());
    assertThat(byClass(doc, "desc", null)).singleElement().extracting(Element::getTextContent).asString()
        .contains("starts at 90.0 %, lowest 23.0 % in week 10, ends at 71.8 % (trusted)");

    // One band per tier, labelled with its threshold.
    assertThat(byClass(doc, "rect", "band")).hasSize(4);
    assertThat(byClass(doc, "text", "band-label")).extracting(Element::getTextContent).containsExactly(
        "micromanaged (below 35 %)", "supervised (35 %+)", "trusted (60 %+)", "autonomous (80 %+)");

    // One line, and one mark per event: drops as circles, drains as triangles.
    assertThat(byClass(doc, "polyline", "level-line")).hasSize(1);
    long drops = story.scenario().steps().stream().filter(s -> s.event().isDrop()).count();
    long drains = story.scenario().steps().size() - drops;
    assertThat(byClass(doc, "circle", "drop")).hasSize((int) drops);
    assertThat(byClass(doc, "path", "drain")).hasSize((int) drains);

    // The breaches (by the policy's rule) are marked and labelled: here the over-promise only.
    long breaches = story.scenario().steps().stream().filter(s -> story.policy().isBreach(s.event())).count();
    assertThat(breaches).isEqualTo(1);
    assertThat(byClass(doc, "path", "breach")).hasSize(1);
    assertThat(byClass(doc, "text", "breach-label")).extracting(Element::getTextContent)
        .containsExactly("Breach: Over-promised");

    // Month ticks along the date axis, the years under the first month of each.
    List<String> axis = texts(byClass(doc, "g", "x-axis").get(0));
    assertThat(axis).startsWith("Sep 2", "2024", "Oct", "Nov", "Dec", "Jan", "2025", "Feb").contains("Aug");
    assertThat(texts(byClass(doc, "g", "y-axis").get(0))).containsExactly("0 %", "20 %", "40 %", "60 %", "80 %", "100 %");
    assertThat(byClass(doc, "text", "legend-series")).extracting(Element::getTextContent)
        .containsExactly("Policy \"default\"");
    assertThat(svg).endsWith("</svg>\n").doesNotContain("NaN").doesNotContain("Infinity");
  }

  @Test
  void isDeterministic() {
    assertThat(SvgChart.render(story)).isEqualTo(
        SvgChart.render(ScenarioRunner.of(TrustPolicy.defaults()).run(EssayStory.scenario())));
  }

  @Test
  void drawsTwoSeriesAndTheSecondPolicysThresholds() throws Exception {
    Timeline strict = ScenarioRunner.of(TrustPolicy.strict()).run(EssayStory.scenario());
    String svg = SvgChart.render("A vs B", "sub", List.of(
        new SvgChart.Series("policy \"default\"", story), new SvgChart.Series("policy \"strict\"", strict)));
    Document doc = parse(svg);
    List<Element> lines = byClass(doc, "polyline", "level-line");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).getAttribute("stroke")).isNotEqualTo(lines.get(1).getAttribute("stroke"));
    assertThat(lines.get(1).getAttribute("stroke-dasharray")).isNotEmpty();
    assertThat(byClass(doc, "text", "legend-series")).extracting(Element::getTextContent)
        .containsExactly("policy \"default\"", "policy \"strict\"");
    // strict's ladder differs (0.4, 0.65, 0.85): its thresholds are dashed lines.
    assertThat(byClass(doc, "line", "other-threshold")).hasSize(3);
    assertThat(byClass(doc, "text", "breach-label")).hasSizeGreaterThanOrEqualTo(2);
    assertThatThrownBy(() -> SvgChart.render("x", "y", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void escapesTextForXml() throws Exception {
    Scenario s = ScenarioFile.parse("x.txt", """
        title: "<script>alert('&')</script> \\"quoted\\""
        description: Tom & Jerry <b>bold</b>
        start: 2025-01-06
        2025-01-07 hid-problem discovered=3d note="]]> & <!-- -->"
        """).scenario();
    String svg = SvgChart.render(ScenarioRunner.of(TrustPolicy.defaults()).run(s));
    Document doc = parse(svg);
    assertThat(texts(doc, "title")).contains("<script>alert('&')</script> \"quoted\"");
    assertThat(byClass(doc, "text", "subtitle").get(0).getTextContent()).isEqualTo("Tom & Jerry <b>bold</b>");
    assertThat(svg).doesNotContain("<script>").doesNotContain("<b>");
    assertThat(byClass(doc, "text", "breach-label").get(0).getTextContent())
        .isEqualTo("Breach: Hid a problem or mistake, discovered after 3 days");
    assertThat(SvgChart.escape("a\u0000b\uD800c\uD83D\uDCA5")).isEqualTo("a\uFFFDb\uFFFDc\uD83D\uDCA5");
  }

  // ---- helpers ----

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Element> byClass(Document doc, String tag, String cls) {
    NodeList nodes = doc.getElementsByTagNameNS(SVG, tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      if (cls == null || List.of(e.getAttribute("class").split(" ")).contains(cls)) {
        out.add(e);
      }
    }
    return out;
  }

  private static List<String> texts(Document doc, String tag) {
    return byClass(doc, tag, null).stream().map(Element::getTextContent).toList();
  }

  private static List<String> texts(Element parent) {
    NodeList nodes = parent.getElementsByTagNameNS(SVG, "text");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }
}
