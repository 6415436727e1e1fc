/**
 * The jobs of aaec, one class each, called alike by the command line, the Java API, tests and
 * (later) the server: {@link org.aaec.jobs.Extraction} (features into a store),
 * {@link org.aaec.jobs.TrainingRun} (one run of Algorithm 1 into a run folder),
 * {@link org.aaec.jobs.Experiment} (Table 1 over seeds), {@link org.aaec.jobs.Evaluation} (scores of
 * a model on labelled audio) and {@link org.aaec.jobs.Prediction} (a model's answer per file). Each
 * takes plain inputs, reports through a {@link org.aaec.jobs.Reporter} and returns a result record;
 * none prints or exits.
 */
package org.aaec.jobs;
