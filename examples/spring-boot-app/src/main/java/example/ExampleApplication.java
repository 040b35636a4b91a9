package example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A plain Spring Boot application: no Parapet code at all. The starter on the class path and
 * {@code application.yml} put the firewall in front of every request.
 */
@SpringBootApplication
public class ExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExampleApplication.class, args);
    }

    @RestController
    static class Greetings {
        @GetMapping("/greet")
        String greet(@RequestParam(name = "name", defaultValue = "world") String name) {
            return "hello " + name;
        }

        @PostMapping("/notes")
        String note(@RequestBody String note) {
            return "saved: " + note;
        }
    }
}
