/**
 * {@code aaec bench}: training and inference throughput, clip latency, feature extraction speed,
 * start-up time and peak memory, each measured after warm-up as min / median / max of repeated
 * timings, in the same step definitions as the PyTorch reference in {@code ../shared/bench}.
 */
package org.aaec.bench;
