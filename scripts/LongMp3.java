import java.nio.FloatBuffer;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.ffmpeg.global.avcodec;
/** Writes an MP3 of a drifting tone with noise, for measuring predict on long files: java -cp target/aaec.jar scripts/LongMp3.java OUT.mp3 SECONDS */
public class LongMp3 {
    public static void main(String[] a) throws Exception {
        int rate = 44100; double seconds = Double.parseDouble(a[1]);
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(a[0], 1)) {
            rec.setSampleRate(rate); rec.setAudioCodec(avcodec.AV_CODEC_ID_MP3); rec.setAudioBitrate(64_000);
            rec.start();
            java.util.Random r = new java.util.Random(1);
            float[] block = new float[rate];
            for (int s = 0; s < seconds; s++) {
                for (int i = 0; i < rate; i++) block[i] = (float) (0.2 * Math.sin(2 * Math.PI * (200 + s % 50) * i / rate) + 0.02 * r.nextGaussian());
                rec.recordSamples(rate, 1, FloatBuffer.wrap(block));
            }
            rec.stop();
        }
    }
}
