package org.aaec.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_chlayout;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_int;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_sample_fmt;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_out_samples;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import java.util.Arrays;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.PointerScope;

/**
 * Band-limited sample-rate conversion with FFmpeg's libswresample (windowed-sinc polyphase
 * filter), used for every decoded clip whatever decoder produced it, so that all inputs pass
 * through one resampler.
 */
public final class Resampler {

    private static final int FLUSH_CHUNK = 4096;

    private Resampler() {
    }

    /**
     * Converts a mono clip to another sample rate.
     *
     * @param clip mono input
     * @param targetRate output sample rate in Hz
     * @return the clip itself when the rate already matches, otherwise a resampled copy of
     *     {@code round(n * targetRate / sourceRate)} samples
     */
    public static AudioClip resample(AudioClip clip, int targetRate) {
        if (targetRate <= 0) {
            throw new IllegalArgumentException("target rate must be positive: " + targetRate);
        }
        if (clip.sampleRate() == targetRate) {
            return clip;
        }
        float[] in = clip.samples();
        int expected = (int) Math.round((double) in.length * targetRate / clip.sampleRate());
        try (PointerScope scope = new PointerScope()) {
            SwrContext swr = open(clip.sampleRate(), targetRate);
            try {
                int capacity = Math.max(swr_get_out_samples(swr, in.length), 0) + FLUSH_CHUNK;
                float[] out = new float[capacity];
                int total = convert(swr, new FloatPointer(in), in.length, out, 0);
                // drain the samples still held in the filter's delay line
                int n;
                while (total < expected && (n = convert(swr, null, 0, out, total)) > 0) {
                    total += n;
                    if (out.length - total < FLUSH_CHUNK) {
                        out = Arrays.copyOf(out, out.length + FLUSH_CHUNK);
                    }
                }
                return new AudioClip(Arrays.copyOf(out, Math.min(total, expected)), targetRate);
            } finally {
                swr_free(swr);
            }
        }
    }

    private static SwrContext open(int fromRate, int toRate) {
        AVChannelLayout mono = new AVChannelLayout();
        av_channel_layout_default(mono, 1);
        SwrContext swr = swr_alloc();
        if (swr == null || swr.isNull()) {
            throw new IllegalStateException("swr_alloc failed");
        }
        check(av_opt_set_chlayout(swr, "in_chlayout", mono, 0), "in_chlayout");
        check(av_opt_set_chlayout(swr, "out_chlayout", mono, 0), "out_chlayout");
        check(av_opt_set_int(swr, "in_sample_rate", fromRate, 0), "in_sample_rate");
        check(av_opt_set_int(swr, "out_sample_rate", toRate, 0), "out_sample_rate");
        check(av_opt_set_sample_fmt(swr, "in_sample_fmt", AV_SAMPLE_FMT_FLT, 0), "in_sample_fmt");
        check(av_opt_set_sample_fmt(swr, "out_sample_fmt", AV_SAMPLE_FMT_FLT, 0), "out_sample_fmt");
        check(swr_init(swr), "swr_init");
        return swr;
    }

    /** Runs one swr_convert into {@code out[offset...]}; a null input flushes. */
    private static int convert(SwrContext swr, FloatPointer in, int inCount, float[] out, int offset) {
        int room = out.length - offset;
        FloatPointer outPtr = new FloatPointer(room);
        PointerPointer<FloatPointer> outPlanes = new PointerPointer<>(1L);
        outPlanes.put(0, outPtr);
        PointerPointer<FloatPointer> inPlanes = null;
        if (in != null) {
            inPlanes = new PointerPointer<>(1L);
            inPlanes.put(0, in);
        }
        int n = check(swr_convert(swr, outPlanes, room, inPlanes, inCount), "swr_convert");
        outPtr.get(out, offset, n);
        return n;
    }

    private static int check(int code, String what) {
        if (code < 0) {
            throw new IllegalStateException("libswresample " + what + " failed with FFmpeg error " + code);
        }
        return code;
    }
}
