package dev.eventshop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * For the build's class-data-sharing training run (pom.xml, {@code eventshop.exit-when-ready=true}): start
 * completely, then stop as on SIGTERM, so the JVM records every class a start-up loads and the embedded PostgreSQL
 * is stopped, not left behind. (Spring's {@code spring.context.exit=onRefresh} exits before the processors and
 * the web server have started, and without closing the context.)
 */
@Component
@ConditionalOnProperty("eventshop.exit-when-ready")
class ExitWhenReady implements ApplicationListener<ApplicationReadyEvent> {

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        System.exit(SpringApplication.exit(ready.getApplicationContext()));
    }
}
