/**
 * The {@code aaec} command line (picocli): one subcommand per job, exit codes 0 (success),
 * 1 (failure) and 2 (usage). The only package that prints to the terminal or exits the JVM;
 * nothing imports it.
 */
package org.aaec.cli;
