package dev.eventshop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EventShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(EventShopApplication.class, args);
    }
}
