package com.customerledger.api.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the ledger where it listens, where its data is, and how to log in. */
@Component
class StartupMessage implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupMessage.class);

    private final LedgerProperties properties;
    private final String mongoUri;

    StartupMessage(LedgerProperties properties, @Value("${spring.data.mongodb.uri:}") String mongoUri) {
        this.properties = properties;
        this.mongoUri = mongoUri;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        int port = event.getWebServer().getPort();
        StringBuilder message = new StringBuilder()
                .append("Customer Ledger listening on http://localhost:").append(port)
                .append(" (API under /api, OpenAPI at /swagger-ui.html, the console in a browser at /console)\n")
                .append("  data: ").append(mongoUri.isEmpty()
                        ? "embedded stores under " + properties.dataDir().toAbsolutePath().normalize()
                        : "MongoDB " + mongoUri).append('\n');
        if (properties.security().users().isEmpty()) {
            message.append("  log in with a bearer token from the configured JWT issuer");
        } else {
            message.append("  log in with HTTP Basic, e.g. curl -u admin:admin-pass http://localhost:").append(port)
                    .append("/api/reps  (users: ");
            properties.security().users().forEach(user -> message.append(user.username()).append(' '));
            message.append(")");
        }
        log.info("\n{}", message);
    }
}
