/**
 * From mono 16 kHz samples to what the networks see: the STFT power spectrogram of SPEC.md, the
 * log + per-bin standardisation whose statistics come from a training split, and the on-disk
 * feature store that lets training read features without decoding audio again.
 *
 * <p>Depends on {@code org.aaec.audio} (to decode) and {@code org.aaec.data} (manifests); no
 * NDArray appears in its API, so the store can be read by any consumer, including Python.
 */
package org.aaec.features;
