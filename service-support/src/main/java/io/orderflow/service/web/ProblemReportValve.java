package io.orderflow.service.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report, as a problem. Some requests never reach Spring: Tomcat refuses an encoded slash
 * ({@code /shipments/a%2Fb}), a malformed escape ({@code /orders/%zz}) or a request header over its limit
 * itself, and its host's error report valve then writes an HTML page. This valve takes that one's place and
 * writes the same problem body as everything else; {@link ProblemErrorController} still answers every error
 * that does reach the application, so this only writes where nothing else did.
 */
public final class ProblemReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemReportValve.class);

    private final JsonMapper mapper;

    public ProblemReportValve(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        // The same guards as Tomcat's own report: only errors, only when nothing was written, only once.
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        }
        String detail;
        if (status.is5xxServerError()) {
            log.error("container answered {} for {} {}", code, request.getMethod(), request.getRequestURI(), throwable);
            detail = "an unexpected error occurred; it has been logged";
        } else {
            // Tomcat's own reason ("Invalid URI: [...]"): its words, never the request's bytes.
            detail = response.getMessage() == null || response.getMessage().isBlank()
                    ? withoutReason(status) : response.getMessage();
        }
        ProblemDetail problem = Problems.of(status, status.getReasonPhrase(), detail);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            // The reporter writes even where the application already took getOutputStream()/getWriter().
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(mapper.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("could not write the problem for {} {}", code, request.getRequestURI(), e);
        }
    }

    /** Tomcat gives no reason when it cannot parse the request head (a header over the limit, a bad request line). */
    private static String withoutReason(HttpStatus status) {
        return status == HttpStatus.BAD_REQUEST
                ? "the request was refused before reaching the service: its request line or headers are malformed or too large"
                : status.getReasonPhrase();
    }

    /**
     * Puts the valve on the host in place of Tomcat's error report valve, and of the one Spring Boot adds (its
     * {@code TomcatWebServerFactoryCustomizer}, which is why this one runs last).
     */
    public static final class Installer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        private final JsonMapper mapper;

        public Installer(JsonMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container parent = context.getParent();
                if (!(parent instanceof StandardHost host)) {
                    return;
                }
                Pipeline pipeline = host.getPipeline();
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        pipeline.removeValve(valve);
                    }
                }
                pipeline.addValve(new ProblemReportValve(mapper));
                // Tomcat adds a valve of this class at start unless the host has one: it has.
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
