package com.customerledger.api.config;

import com.customerledger.api.web.BusinessTime;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request bodies are read strictly: an unknown member is a 400, never silently ignored, because a
 * misspelt {@code expectedOwnerRepId} or an unsupported batch filter would otherwise quietly change
 * what a command does; so is a member given twice, which has no one meaning. Instants, in bodies and query parameters, must lie in {@link BusinessTime}'s
 * range. Only the HTTP side is strict; the event serializer stays lenient so stored events can evolve.
 */
@Configuration(proxyBeanMethods = false)
class HttpJsonConfiguration implements WebMvcConfigurer {

    private final ZoneId zone;

    HttpJsonConfiguration(ZoneId zone) {
        this.zone = zone;
    }

    @Bean
    MappingJackson2HttpMessageConverter strictJsonConverter(ObjectMapper objectMapper) {
        SimpleModule businessTime = new SimpleModule("business-time").addDeserializer(Instant.class, new BoundedInstant());
        return new MappingJackson2HttpMessageConverter(objectMapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .registerModule(businessTime));
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Instant.class, text -> BusinessTime.parseParameter(text, zone));
    }

    /** A JSON instant: an ISO-8601 string in the business range, nothing else (no epoch numbers). */
    private static final class BoundedInstant extends StdScalarDeserializer<Instant> {

        BoundedInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getText();
            try {
                return BusinessTime.parseInstant(text);
            } catch (IllegalArgumentException outOfRange) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, outOfRange.getMessage());
            }
        }
    }
}
