package dev.parapet.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;

/** Every class named in the imports file exists, loads, and is an auto-configuration. */
class AutoConfigurationImportsTest {

    static final String IMPORTS = "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

    @Test
    void everyImportedClassLoads() throws IOException, ClassNotFoundException {
        List<String> names;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(IMPORTS)) {
            assertThat(in).as(IMPORTS).isNotNull();
            names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
        assertThat(names).containsExactlyInAnyOrder(ParapetAutoConfiguration.class.getName(),
                ParapetMetricsAutoConfiguration.class.getName(), ParapetEndpointAutoConfiguration.class.getName());
        for (String name : names) {
            Class<?> type = Class.forName(name, true, getClass().getClassLoader());
            assertThat(type.isAnnotationPresent(AutoConfiguration.class)).as(name).isTrue();
        }
    }
}
