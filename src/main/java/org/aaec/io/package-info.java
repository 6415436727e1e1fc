/**
 * File plumbing every writer of aaec shares: atomic writes (temporary file, then rename), zip
 * archives of named entries (model files, checkpoints) and folder locks (one writer per feature
 * store or run folder). No other aaec package is imported here.
 */
package org.aaec.io;
