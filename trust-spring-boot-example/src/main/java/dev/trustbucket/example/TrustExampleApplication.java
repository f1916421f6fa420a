package dev.trustbucket.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small Spring Boot application on the Trust Bucket starter: it keeps relationships in an H2
 * database and offers two HTTP calls, one to record an event and one to read an explanation
 * ({@link RelationshipController}). Run it with {@code ./mvnw -q -pl trust-spring-boot-example -am
 * compile exec:java}; see {@code docs/spring-boot.md}.
 */
@SpringBootApplication
public class TrustExampleApplication {
  /**
   * Starts the application on port 8080 (or {@code --server.port=...}).
   *
   * @param args Spring Boot's command-line arguments
   */
  public static void main(String[] args) {
    SpringApplication.run(TrustExampleApplication.class, args);
  }
}
