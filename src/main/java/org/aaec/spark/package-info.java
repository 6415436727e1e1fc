/**
 * Batch prediction on Apache Spark, for archives larger than one machine: {@link
 * org.aaec.spark.SparkPrediction} lists audio with Spark's {@code binaryFile} source (or reads a
 * manifest of paths), decodes and predicts inside each partition with recognizers loaded once per
 * executor ({@link org.aaec.spark.ExecutorModels}), and writes Parquet and CSV with a row per file
 * and optionally per window ({@link org.aaec.spark.PredictionRows}); a file that fails is an error
 * row, never a failed stage. Spark is a provided dependency: a cluster brings its own.
 */
package org.aaec.spark;
