/**
 * Cutting a stream of audio into the pieces a model reads: sliding windows over a recording of any
 * length, kept in memory one window at a time, and an energy-based voice activity detector that
 * says how much of each window is speech. Used by timelines of files, the HTTP service and live
 * listening alike; nothing here knows about models.
 */
package org.aaec.segments;
