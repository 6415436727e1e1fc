/**
 * Reports from run folders: Table 1 as mean ± deviation over seeds, the paired comparison with the
 * classifier alone, and PNG plots (learning curves, confusion matrices, the PCA picture of
 * Figure 5) with XChart, written as Markdown and self-contained HTML. Reads files only; no DJL.
 */
package org.aaec.report;
