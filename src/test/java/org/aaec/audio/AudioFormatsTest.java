package org.aaec.audio;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_FLAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MP3;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_OPUS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VORBIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.aaec.testutil.TestAudio;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every compressed format decodes through FFmpeg to the tone that was encoded, at 16 kHz mono. */
class AudioFormatsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"clip.flac, FLAC, 44100, 2", "clip.mp3, MP3, 44100, 2", "clip.ogg, VORBIS, 48000, 2",
        "clip.opus, OPUS, 48000, 1", "clip.m4a, AAC, 44100, 2", "video.mp4, AAC, 48000, 2",
        "video.mkv, AAC, 22050, 1"})
    void compressedFormatsDecodeToTheEncodedTone(String name, String codec, int rate, int channels)
            throws Exception {
        int id = switch (codec) {
            case "FLAC" -> AV_CODEC_ID_FLAC;
            case "MP3" -> AV_CODEC_ID_MP3;
            case "VORBIS" -> AV_CODEC_ID_VORBIS;
            case "OPUS" -> AV_CODEC_ID_OPUS;
            default -> AV_CODEC_ID_AAC;
        };
        float[] mono = TestAudio.tone(440, rate, 2.0, 0.5);
        double[] scales = channels == 2 ? new double[] {1.0, 1.0} : new double[] {1.0};
        Path file = TestAudio.encode(dir.resolve(name), TestAudio.interleave(mono, scales), channels, rate, id);

        AudioClip clip = new AudioLoader().load(file);

        assertEquals(16_000, clip.sampleRate());
        assertEquals(2.0, clip.durationSeconds(), 0.1, "duration");
        int mid = clip.samples().length / 2;
        double amp = TestAudio.amplitudeAt(clip.samples(), mid - 4000, mid + 4000, 440, 16_000);
        assertEquals(0.5, amp, 0.05, "440 Hz amplitude");
        double off = TestAudio.amplitudeAt(clip.samples(), mid - 4000, mid + 4000, 1000, 16_000);
        assertTrue(off < 0.01, "no energy at 1 kHz: " + off);
    }
}
