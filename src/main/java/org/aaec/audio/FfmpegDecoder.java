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
 * Maven Central jar. Frames are decoded as they are asked for, so reading the start of a long file
 * costs only the start.
 */
public final class FfmpegDecoder implements AudioDecoder {

    /** Decoded audio shorter than this share of the duration the container declares is a truncated file. */
    private static final double MIN_DECODED_SHARE = 0.9;

    static {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        FFmpegLogCallback.setLevel(avutil.AV_LOG_QUIET);
    }

    @Override
    public AudioSource open(Path file) throws AudioInputException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        try {
            grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT); // packed float, native rate and channels
            try {
                grabber.start();
            } catch (FrameGrabber.Exception e) {
                throw new AudioInputException(file, AudioInputException.Problem.NOT_AUDIO, firstLine(e), e);
            }
            if (!grabber.hasAudio() || grabber.getAudioChannels() <= 0) {
                throw new AudioInputException(file, AudioInputException.Problem.NO_AUDIO, "no audio stream");
            }
            return new Source(file, grabber);
        } catch (AudioInputException | RuntimeException e) {
            closeQuietly(grabber);
            throw e;
        }
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception | RuntimeException ignored) {
            // releasing a reader: nothing is lost if FFmpeg complains
        }
    }

    /** FFmpeg's frames, one block per decoded frame; the truncation check runs at the end. */
    private static final class Source implements AudioSource {
        private final Path file;
        private final FFmpegFrameGrabber grabber;
        private final int channels;
        private final int rate;
        private long frames;
        private boolean ended;

        Source(Path file, FFmpegFrameGrabber grabber) {
            this.file = file;
            this.grabber = grabber;
            this.channels = grabber.getAudioChannels();
            this.rate = grabber.getSampleRate();
        }

        @Override
        public int sampleRate() {
            return rate;
        }

        @Override
        public float[] next() throws AudioInputException {
            while (!ended) {
                Frame frame;
                try {
                    frame = grabber.grabSamples();
                } catch (FrameGrabber.Exception e) {
                    throw new AudioInputException(file, AudioInputException.Problem.CORRUPT, firstLine(e), e);
                }
                if (frame == null) {
                    ended = true;
                    checkComplete();
                    return null;
                }
                if (frame.samples != null && frame.samples.length > 0) {
                    FloatBuffer buffer = (FloatBuffer) frame.samples[0];
                    int n = buffer.remaining() / channels * channels;
                    if (n > 0) {
                        float[] interleaved = new float[n];
                        buffer.get(interleaved);
                        frames += n / channels;
                        return AudioClip.mixToMono(interleaved, channels);
                    }
                }
            }
            return null;
        }

        private void checkComplete() throws AudioInputException {
            if (frames == 0) {
                throw new AudioInputException(file, AudioInputException.Problem.NO_AUDIO, "decoded 0 samples");
            }
            double declared = declaredAudioSeconds(grabber.getFormatContext());
            double decoded = frames / (double) rate;
            if (declared > 0 && decoded < MIN_DECODED_SHARE * declared) {
                throw new AudioInputException(file, AudioInputException.Problem.CORRUPT, String.format(
                        "decoded %.2f s of the %.2f s the header declares", decoded, declared));
            }
        }

        @Override
        public void close() {
            closeQuietly(grabber);
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
}
