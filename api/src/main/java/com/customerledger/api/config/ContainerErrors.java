package com.customerledger.api.config;

import com.customerledger.api.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.stereotype.Component;

/**
 * Errors that Tomcat answers itself, before any application code runs (a request line with a raw
 * non-ASCII byte, a path with {@code %00} or an invalid encoding), are problem documents too: the
 * host's error report valve writes them instead of Tomcat's HTML page.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report valve, writing RFC 9457 JSON. Public with a default constructor: Tomcat makes it by name. */
    public static class ProblemReportValve extends ErrorReportValve {

        private static final ObjectMapper JSON = new ObjectMapper()
                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
                .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatusCode code = HttpStatusCode.valueOf(status);
            ProblemDetail problem = Problems.ofStatus(code, status == 400
                    ? "the request line is malformed: encode the path and query as UTF-8 percent-escapes, "
                    + "and do not send NUL, invalid escapes or encoded slashes in a path"
                    : "the server could not process the request (" + status + ")");
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(problem));
                    writer.flush();
                }
            } catch (IOException | IllegalStateException ignored) {
                // the client went away or the response cannot take a body; the status stands
            }
        }
    }
}
