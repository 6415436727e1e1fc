package org.aaec.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The service's meters, in Prometheus text format at {@code /metrics}: requests by endpoint and
 * status, request latency as a histogram, batch sizes, the depth of the prediction queue, the
 * requests in flight, and errors by kind.
 */
public final class ServerMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DistributionSummary batchSizes;
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * @param queueDepth clips waiting for a worker
     */
    public ServerMetrics(Supplier<Number> queueDepth) {
        batchSizes = DistributionSummary.builder("aaec_batch_size").description("clips predicted together")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32).register(registry);
        Gauge.builder("aaec_queue_depth", queueDepth).description("clips waiting for a worker").register(registry);
        Gauge.builder("aaec_requests_in_flight", inFlight, AtomicInteger::get)
                .description("requests admitted and not yet answered").register(registry);
    }

    /** Requests admitted and not yet answered. */
    AtomicInteger inFlight() {
        return inFlight;
    }

    /** Records one answered request. */
    void request(String endpoint, int status, long nanos) {
        Counter.builder("aaec_requests").description("answered requests").tag("endpoint", endpoint)
                .tag("status", Integer.toString(status)).register(registry).increment();
        Timer.builder("aaec_request_latency").description("time from request to answer").tag("endpoint", endpoint)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60)).register(registry)
                .record(Duration.ofNanos(nanos));
    }

    /** Records one error by kind (bad_audio, too_large, timeout, overloaded, internal). */
    void error(String kind) {
        Counter.builder("aaec_errors").description("requests that failed, by kind").tag("kind", kind)
                .register(registry).increment();
    }

    /** Records one batch's size. */
    void batch(int size) {
        batchSizes.record(size);
    }

    /** Everything, in Prometheus text format. */
    String scrape() {
        return registry.scrape();
    }
}
