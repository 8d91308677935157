package com.customerledger.api.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Request bodies are read strictly: an unknown member is a 400, never silently ignored, because a
 * misspelt {@code expectedOwnerRepId} or an unsupported batch filter would otherwise quietly change
 * what a command does. Only the HTTP converter is strict; the event serializer stays lenient so
 * stored events can evolve.
 */
@Configuration(proxyBeanMethods = false)
class HttpJsonConfiguration {

    @Bean
    MappingJackson2HttpMessageConverter strictJsonConverter(ObjectMapper objectMapper) {
        return new MappingJackson2HttpMessageConverter(
                objectMapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
    }
}
