package dev.eventshop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EventShopApplication {

    /** Axon's anonymous usage reporting; a service should not phone home unless asked to. */
    private static final String AXON_UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        if (System.getProperty(AXON_UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(AXON_UPDATE_CHECKER_DISABLED, "true");
        }
        SpringApplication.run(EventShopApplication.class, args);
    }
}
