package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.api.config.LedgerProperties;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The documented development users exist in the embedded default and in no production profile (prod, docker). */
class ProfilesTest {

    @Test
    void defaultHasTheDocumentedDevelopmentUsers() throws IOException {
        LedgerProperties.Security security = bind("application.yml");
        assertThat(security.users()).extracting(LedgerProperties.User::username)
                .containsExactlyInAnyOrder("admin", "manager", "auditor", "rep-a", "rep-b", "finance", "warehouse",
                        "dealer-a", "agro-a");
        assertThat(security.users()).filteredOn(user -> user.username().equals("rep-a"))
                .extracting(LedgerProperties.User::repId).containsExactly("rep-a");
        assertThat(security.users()).filteredOn(user -> user.username().equals("dealer-a"))
                .extracting(LedgerProperties.User::customerId).containsExactly("c-dealer-a");
    }

    @Test
    void productionProfilesHaveNoDevelopmentUsers() throws IOException {
        assertThat(bind("application.yml", "application-prod.yml").users()).isEmpty();
        assertThat(bind("application.yml", "application-docker.yml").users()).isEmpty();
    }

    private static LedgerProperties.Security bind(String... files) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
        for (String file : files) {
            // later files win, as a profile's file does over application.yml
            loader.load(file, new ClassPathResource(file)).forEach(environment.getPropertySources()::addFirst);
        }
        return Binder.get(environment).bind("ledger.security", LedgerProperties.Security.class).orElseThrow(IllegalStateException::new);
    }
}
