package org.aaec.audio;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes every format FFmpeg knows (FLAC, MP3, OGG/Opus, M4A/AAC, the audio track of MP4/MKV
 * video, ...) through JavaCV's {@link FFmpegFrameGrabber}, whose native libraries ship in a
 * Maven Central jar.
 */
public final class FfmpegDecoder implements AudioDecoder {

    /** Decoded audio shorter than this share of the duration the container declares is a truncated file. */
    private static final double MIN_DECODED_SHARE = 0.9;

    static {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        FFmpegLogCallback.setLevel(avutil.AV_LOG_QUIET);
    }

    @Override
    public AudioClip decode(Path file) throws AudioInputException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT); // packed float, native rate and channels
            try {
                grabber.start();
            } catch (FrameGrabber.Exception e) {
                throw new AudioInputException(file, AudioInputException.Problem.NOT_AUDIO, firstLine(e), e);
            }
            if (!grabber.hasAudio() || grabber.getAudioChannels() <= 0) {
                throw new AudioInputException(file, AudioInputException.Problem.NO_AUDIO, "no audio stream");
            }
            int channels = grabber.getAudioChannels();
            int rate = grabber.getSampleRate();
            FloatArrayBuilder samples = new FloatArrayBuilder();
            try {
                Frame frame;
                while ((frame = grabber.grabSamples()) != null) {
                    if (frame.samples != null && frame.samples.length > 0) {
                        samples.append((FloatBuffer) frame.samples[0]);
                    }
                }
            } catch (FrameGrabber.Exception e) {
                throw new AudioInputException(file, AudioInputException.Problem.CORRUPT, firstLine(e), e);
            }
            float[] interleaved = samples.toArray();
            int frames = interleaved.length / channels;
            if (frames == 0) {
                throw new AudioInputException(file, AudioInputException.Problem.NO_AUDIO, "decoded 0 samples");
            }
            double declared = declaredAudioSeconds(grabber.getFormatContext());
            double decoded = frames / (double) rate;
            if (declared > 0 && decoded < MIN_DECODED_SHARE * declared) {
                throw new AudioInputException(file, AudioInputException.Problem.CORRUPT, String.format(
                        "decoded %.2f s of the %.2f s the header declares", decoded, declared));
            }
            return new AudioClip(AudioClip.mixToMono(interleaved, channels), rate);
        } catch (FrameGrabber.Exception e) {
            throw new AudioInputException(file, AudioInputException.Problem.CORRUPT, firstLine(e), e);
        }
    }

    /**
     * The duration the audio stream's header declares (FLAC's STREAMINFO, for instance), or 0 when
     * it declares none. The container's duration is not used: a video track may outlast the audio.
     */
    private static double declaredAudioSeconds(AVFormatContext format) {
        for (int i = 0; i < format.nb_streams(); i++) {
            AVStream stream = format.streams(i);
            if (stream.codecpar().codec_type() == avutil.AVMEDIA_TYPE_AUDIO) {
                long duration = stream.duration();
                AVRational base = stream.time_base();
                if (duration <= 0 || base.den() == 0) {
                    return 0;
                }
                return duration * (double) base.num() / base.den();
            }
        }
        return 0;
    }

    private static final java.util.regex.Pattern ERROR_CODE = java.util.regex.Pattern.compile("error (-\\d+)");

    /**
     * What FFmpeg said, in words a user can act on: JavaCV's messages carry hints meant for its
     * programmers ("Has setFormat() been called?", "make sure FFmpegLogCallback.set() has been
     * called") and a numeric error code; keep FFmpeg's own text for the code and drop the rest.
     */
    static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        java.util.regex.Matcher code = ERROR_CODE.matcher(m);
        if (code.find()) {
            String text = errorText(Integer.parseInt(code.group(1)));
            if (text != null) {
                return "FFmpeg: " + text;
            }
        }
        return m.replaceAll("\\s*\\(Has setFormat\\(\\) been called\\?\\)", "")
                .replaceAll("\\s*\\(For more details, make sure FFmpegLogCallback\\.set\\(\\) has been called\\.\\)",
                        "").trim();
    }

    /** FFmpeg's description of an error code (av_strerror), or {@code null} when it has none. */
    private static String errorText(int code) {
        try (org.bytedeco.javacpp.BytePointer buf = new org.bytedeco.javacpp.BytePointer(256)) {
            if (avutil.av_strerror(code, buf, 256) < 0) {
                return null;
            }
            byte[] bytes = new byte[256];
            buf.get(bytes);
            int end = 0;
            while (end < bytes.length && bytes[end] != 0) {
                end++; // C string: up to the first NUL
            }
            String t = new String(bytes, 0, end, java.nio.charset.StandardCharsets.UTF_8).trim();
            return t.isEmpty() ? null : t;
        }
    }

    /** Growable float array, to collect frames of unknown count without boxing. */
    private static final class FloatArrayBuilder {
        private float[] data = new float[1 << 16];
        private int size;

        void append(FloatBuffer buffer) {
            int n = buffer.remaining();
            if (size + n > data.length) {
                data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, size + n));
            }
            buffer.get(data, size, n);
            size += n;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
