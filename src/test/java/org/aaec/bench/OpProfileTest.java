package org.aaec.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The per-operator breakdown: self times from nested trace events, worked out by hand. */
class OpProfileTest {

    @Test
    void selfTimesSubtractNestedChildrenPerThread() throws Exception {
        // thread 1: conv1d [0, 100) calls mkldnn_convolution [10, 70), which calls empty [12, 14);
        //           then mm [100, 130) and copy_ [130, 140)
        // thread 2: mul [0, 50) (a parallel op on another thread)
        String trace = "{\"traceEvents\": ["
                + "{\"ph\":\"X\",\"name\":\"aten::conv1d\",\"tid\":1,\"ts\":0,\"dur\":100},"
                + "{\"ph\":\"X\",\"name\":\"aten::mkldnn_convolution\",\"tid\":1,\"ts\":10,\"dur\":60},"
                + "{\"ph\":\"X\",\"name\":\"aten::empty\",\"tid\":1,\"ts\":12,\"dur\":2},"
                + "{\"ph\":\"X\",\"name\":\"aten::mm\",\"tid\":1,\"ts\":100,\"dur\":30},"
                + "{\"ph\":\"X\",\"name\":\"aten::copy_\",\"tid\":1,\"ts\":130,\"dur\":10},"
                + "{\"ph\":\"X\",\"name\":\"aten::mul\",\"tid\":2,\"ts\":0,\"dur\":50},"
                + "{\"ph\":\"i\",\"name\":\"marker\",\"tid\":1,\"ts\":5}]}";
        // 2 steps, 0.2 ms wall per step, 0.01 ms of optimizer per step
        OpProfile p = OpProfile.parse("x", trace.getBytes(StandardCharsets.UTF_8), 2, 0.2, 0.01);
        // conv1d self 100 - 60 = 40, mkldnn self 60 - 2 = 58, and the empty inside it counts as the
        // convolution: (40 + 58 + 2) us / 2 steps
        assertEquals(0.05, p.selfMsByCategory().get("convolution"), 1e-12);
        assertEquals(0.0, p.selfMsByCategory().get("allocation"), 1e-12);
        assertEquals(0.015, p.selfMsByCategory().get("dense/gemm"), 1e-12);
        assertEquals(0.005, p.selfMsByCategory().get("copy/reorder"), 1e-12);
        assertEquals(0.01, p.selfMsByCategory().get("optimizer"), 1e-12);
        assertEquals(0.025 - 0.01, p.selfMsByCategory().get("other ops"), 1e-12, "mul minus the optimizer's share");
        // operators total (100 + 30 + 10 + 50) us / 2 = 0.095 ms of a 0.2-ms step
        assertEquals(0.2 - 0.095, p.selfMsByCategory().get("outside ops"), 1e-12);
    }

    @Test
    void operatorsInsideAGruCountAsTheGru() throws Exception {
        // aten::gru [0, 100) runs its time steps as narrow [10, 20) and addmm [20, 60); a top-level addmm [100, 110)
        String trace = "[{\"ph\":\"X\",\"name\":\"aten::gru\",\"tid\":1,\"ts\":0,\"dur\":100},"
                + "{\"ph\":\"X\",\"name\":\"aten::narrow\",\"tid\":1,\"ts\":10,\"dur\":10},"
                + "{\"ph\":\"X\",\"name\":\"aten::addmm\",\"tid\":1,\"ts\":20,\"dur\":40},"
                + "{\"ph\":\"X\",\"name\":\"aten::addmm\",\"tid\":1,\"ts\":100,\"dur\":10}]";
        OpProfile p = OpProfile.parse("x", trace.getBytes(StandardCharsets.UTF_8), 1, 0.2, 0);
        assertEquals(0.1, p.selfMsByCategory().get("gru"), 1e-12, "50 us own + 10 + 40 of its steps");
        assertEquals(0.01, p.selfMsByCategory().get("dense/gemm"), 1e-12);
        assertEquals(0.0, p.selfMsByCategory().get("other ops"), 1e-12);
        // the top operators name the outermost operator they ran inside
        assertEquals(0.04, p.top().get("aten::addmm in aten::gru"), 1e-12);
        assertEquals(0.01, p.top().get("aten::addmm"), 1e-12, "the top-level addmm is its own entry");
        assertEquals(0.01, p.top().get("aten::narrow in aten::gru"), 1e-12);
        assertEquals(0.05, p.top().get("aten::gru"), 1e-12);
    }
}
