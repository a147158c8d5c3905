package io.orderflow.service.trace;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the request's {@code traceparent} (or starts a trace), puts its trace id in the log context, hands
 * it to the commands the request sends ({@link #current()}), and returns it in the response header so a
 * client can find its request in the logs of every service.
 */
public final class TraceFilter extends OncePerRequestFilter {

    private static final ThreadLocal<TraceParent> CURRENT = new ThreadLocal<>();

    /** The trace of the request this thread is serving, if any. */
    public static TraceParent current() {
        return CURRENT.get();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TraceParent trace = TraceParent.parse(request.getHeader(TraceParent.HEADER)).orElseGet(TraceParent::newTrace);
        CURRENT.set(trace);
        MDC.put(TraceParent.MDC_TRACE_ID, trace.traceId());
        response.setHeader(TraceParent.HEADER, trace.toString());
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
            MDC.remove(TraceParent.MDC_TRACE_ID);
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
