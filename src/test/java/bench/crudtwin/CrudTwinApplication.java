package bench.crudtwin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;

/**
 * The benchmarks' CRUD twin of EventShop's top-up: the same HTTP stack (Spring MVC on Tomcat, Spring Security
 * with HTTP Basic, Bean Validation, Jackson, Hikari, Hibernate, the same application.yml), but a JPA entity whose
 * balance is read with a row lock and UPDATEd, instead of events. Axon and Flyway are left out. It lives outside
 * {@code dev.eventshop} so that the service's component and entity scans in the tests never pick it up.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EntityScan(basePackageClasses = Account.class)
@EnableJpaRepositories(basePackageClasses = Account.class)
@Import({AccountController.class, TwinSecurity.class})
public class CrudTwinApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CrudTwinApplication.class);
        application.setDefaultProperties(Map.of(
                "spring.autoconfigure.exclude", String.join(",", axonAutoConfigurations()),
                "spring.flyway.enabled", "false"));
        application.run(args);
    }

    private static TreeSet<String> axonAutoConfigurations() {
        TreeSet<String> names = new TreeSet<>();
        try {
            for (var resource : new PathMatchingResourcePatternResolver().getResources(
                    "classpath*:META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
                try (var lines = new BufferedReader(new InputStreamReader(resource.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    lines.lines().map(String::trim).filter(line -> line.startsWith("org.axonframework"))
                            .forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
