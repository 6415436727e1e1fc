/**
 * What the corpus is: manifests (one row per clip with its speaker, labels and split), readers
 * that build them from known corpus layouts, the editable categorical-to-arousal/valence
 * mapping, and speaker-independent splits.
 *
 * <p>No audio decoding, no features, no models: a manifest is plain data that every later stage
 * consumes.
 */
package org.aaec.data;
