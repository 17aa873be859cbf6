package org.ubcs.notification.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where notifications go and how delivery retries. */
@ConfigMapping(prefix = "ubcs.notifications")
public interface NotificationConfig {

    /** The email address of each recipient (LEGAL_SERVICES, CONTACT_CENTRE, ...). */
    Map<String, String> addresses();

    /** Attempts before a notification is marked FAILED. */
    @WithDefault("5")
    int maxAttempts();

    /** The wait after the first failed attempt; each further one doubles it. */
    @WithDefault("PT1M")
    Duration firstRetryAfter();

    /**
     * How many emails one replica sends at once. 10, the mail client's own pool (quarkus.mailer.max-pool-size's
     * default): each send holds one pooled SMTP connection, so more would only queue inside the client, and fewer
     * would leave connections idle. Raise the two together.
     */
    @WithDefault("10")
    int concurrency();

    default Optional<String> addressOf(String recipient) {
        return Optional.ofNullable(addresses().get(recipient));
    }
}
