/**
 * The HTTP service ({@code aaec serve}): Javalin on Jetty for HTTP, a pool of recognizers that
 * batches concurrent requests (as DJL Serving's batch aggregator does), admission control that
 * answers 503 instead of queueing without bound, Micrometer metrics in Prometheus format, and a
 * web page to try a model from the browser.
 */
package org.aaec.server;
