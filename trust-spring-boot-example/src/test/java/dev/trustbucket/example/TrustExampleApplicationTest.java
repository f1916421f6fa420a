package dev.trustbucket.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.jdbc.TrustSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Boots the example on a random port, with its H2 database, and calls it over real HTTP. */
class TrustExampleApplicationTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static ConfigurableApplicationContext app;
  private static String base;

  @BeforeAll
  static void start() {
    app = SpringApplication.run(TrustExampleApplication.class,
        "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:example-test;DB_CLOSE_DELAY=-1");
    base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String json) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  @Test
  void recordsEventsAndExplainsTheRelationshipOverHttp() throws Exception {
    // The README's Quick start, recorded over HTTP: two drops and a drain leave 0.435.
    assertThat(post("/relationships/ana/bo/events",
        "{\"behaviour\": \"delivered-on-commitment\", \"time\": \"2025-01-10T09:00:00Z\"}").statusCode()).isEqualTo(201);
    post("/relationships/ana/bo/events", "{\"behaviour\": \"proactive-update\", \"time\": \"2025-01-13T09:00:00Z\"}");
    HttpResponse<String> drain = post("/relationships/ana/bo/events",
        "{\"behaviour\": \"missed-deadline\", \"time\": \"2025-01-17T09:00:00Z\", \"note\": \"release notes slipped a week\"}");
    assertThat(drain.statusCode()).isEqualTo(201);
    assertThat(json(drain).get("level").asDouble()).isCloseTo(0.435, Offset.offset(0.0005));
    assertThat(json(drain).get("tier").asString()).isEqualTo("supervised");
    assertThat(json(drain).get("events").asInt()).isEqualTo(3);

    HttpResponse<String> explained = get("/relationships/ana/bo");
    assertThat(explained.statusCode()).isEqualTo(200);
    JsonNode report = json(explained);
    assertThat(report.get("policy").asString()).isEqualTo("example-2025");
    assertThat(report.get("events").asInt()).isEqualTo(3);
    assertThat(report.get("dimensions").get(0).get("dimension").asString()).isEqualTo("ability");
    assertThat(report.get("loweredBy").get(0).asString()).startsWith("Missed a deadline (release notes slipped a week)");
    assertThat(report.get("summary").asString()).contains("Raised by:", "Lowered by:");

    HttpResponse<String> endpoint = get("/actuator/trustbucket/ana/bo");
    assertThat(endpoint.statusCode()).isEqualTo(200);
    assertThat(json(endpoint).get("events").asInt()).isEqualTo(3);
    assertThat(get("/actuator/trustbucket/nobody/bo").statusCode()).isEqualTo(404);
    assertThat(get("/relationships/nobody/bo").statusCode()).isEqualTo(404);

    JsonNode health = json(get("/actuator/health")).get("components").get("trustbucket");
    assertThat(health.get("status").asString()).isEqualTo("UP");
    assertThat(health.get("details").get("store").asString()).isEqualTo("jdbc");
    assertThat(health.get("details").get("schemaVersion").asString()).isEqualTo(String.valueOf(TrustSchema.VERSION));

    JsonNode drains = json(get("/actuator/metrics/trustbucket.events?tag=direction:drain"));
    assertThat(drains.get("measurements").get(0).get("value").asDouble()).isEqualTo(1.0);
    JsonNode drops = json(get("/actuator/metrics/trustbucket.events?tag=direction:drop"));
    assertThat(drops.get("measurements").get(0).get("value").asDouble()).isEqualTo(2.0);
  }

  @Test
  void refusedInputIsA400NamingTheFieldAndRecordsNothing() throws Exception {
    HttpResponse<String> unknown = post("/relationships/cy/bo/events", "{\"behaviour\": \"charmed-the-boss\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(json(unknown).get("field").asString()).isEqualTo("behaviour");
    assertThat(get("/relationships/cy/bo").statusCode()).isEqualTo(404);

    // The example's own behaviour from application.properties is accepted.
    assertThat(post("/relationships/cy/bo/events",
        "{\"behaviour\": \"paired-on-incident\", \"time\": \"2025-02-03T09:00:00Z\"}").statusCode()).isEqualTo(201);
    HttpResponse<String> earlier = post("/relationships/cy/bo/events",
        "{\"behaviour\": \"small-win\", \"time\": \"2025-02-01T09:00:00Z\"}");
    assertThat(earlier.statusCode()).isEqualTo(400);
    assertThat(json(get("/relationships/cy/bo")).get("events").asInt()).isEqualTo(1);
  }
}
