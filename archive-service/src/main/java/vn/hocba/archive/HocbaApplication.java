package vn.hocba.archive;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Hocba: signed, immutable archive of Vietnamese school records. */
@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
@org.springframework.scheduling.annotation.EnableAsync
public class HocbaApplication {

    public static void main(String[] args) {
        SpringApplication.run(HocbaApplication.class, args);
    }

    /** The one source of time: injected everywhere, never {@code Instant.now()}. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
