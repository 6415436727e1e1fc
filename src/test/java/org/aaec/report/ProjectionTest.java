package org.aaec.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Figure 5's PCA and the nearest-sample distance against numpy (src/test/python/make_pca_fixture.py). */
class ProjectionTest {

    private record Fixture(double[][] real, double[][] other, double[][] axes, double[][] projected,
            double meanNearestDistance) {
    }

    @Test
    void matchesNumpy() throws Exception {
        Fixture x;
        try (InputStream in = ProjectionTest.class.getResourceAsStream("/fixtures/pca/pca.json")) {
            x = new ObjectMapper().readValue(in, Fixture.class);
        }
        Projection p = Projection.fit(x.real());
        for (int k = 0; k < 2; k++) {
            assertArrayEquals(x.axes()[k], p.axes()[k], 1e-9, "axis " + k);
        }
        double[][] got = p.project(x.other());
        for (int i = 0; i < got.length; i++) {
            assertArrayEquals(x.projected()[i], got[i], 1e-9, "sample " + i);
        }
        assertEquals(x.meanNearestDistance(), Projection.meanNearestDistance(x.other(), x.real()), 1e-9);
    }
}
