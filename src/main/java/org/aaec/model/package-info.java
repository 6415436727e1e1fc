/**
 * The four AAEC networks as DJL blocks, built from one {@link org.aaec.model.ModelConfig}: the
 * {@link org.aaec.model.Encoder}, {@link org.aaec.model.Decoder}, {@link org.aaec.model.Discriminator}
 * and multi-head {@link org.aaec.model.Classifier} of SPEC.md "Networks", and
 * {@link org.aaec.model.AaecNetworks}, which holds the ones a configuration needs and forms the
 * generator's output (Equation 1). No I/O, no data, no training loop here.
 */
package org.aaec.model;
