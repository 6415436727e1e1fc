/**
 * Turning audio files into mono 16 kHz sample arrays: decoding (WAV natively, every other
 * format through FFmpeg), mixing to mono, band-limited resampling and cutting or padding to
 * a fixed length.
 *
 * <p>This package knows nothing about features, models or the CLI. Every failure to read a
 * file surfaces as an {@link org.aaec.audio.AudioInputException} that names the file and the
 * problem, so callers can report it and move on.
 */
package org.aaec.audio;
