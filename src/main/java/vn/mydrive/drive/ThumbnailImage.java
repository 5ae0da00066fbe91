package vn.mydrive.drive;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileCacheImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Makes a thumbnail at bounded memory whatever the picture's size: the bytes are read as a stream (cached on disk
 * by ImageIO, not in the heap), the picture's size is read from its header first, one with more than
 * {@link #MAX_PIXELS} is refused (a "decompression bomb" declares billions), and the rest is decoded with only
 * every n-th pixel of every n-th row, so the decoded picture is at most about twice the thumbnail's size.
 */
public final class ThumbnailImage {

    /** The longest side of a thumbnail, in pixels. */
    public static final int SIZE = 160;
    static final long MAX_PIXELS = 100_000_000L;

    private ThumbnailImage() {
    }

    /** @return the PNG thumbnail, or empty if the bytes are no picture ImageIO reads, or too large a one */
    public static Optional<byte[]> of(InputStream bytes) throws IOException {
        try (ImageInputStream in = new FileCacheImageInputStream(bytes, null)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || (long) width * height > MAX_PIXELS) {
                    return Optional.empty();
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / (2 * SIZE));
                param.setSourceSubsampling(step, step, 0, 0);
                return Optional.of(png(scaled(reader.read(0, param))));
            } finally {
                reader.dispose();
            }
        } catch (IIOException | IllegalArgumentException | IllegalStateException e) {
            // What ImageIO's readers throw at bytes that are not the picture they claim (cut short, corrupt); an
            // IOException of the stream itself (the store) is not about the picture and goes to the caller.
            return Optional.empty();
        }
    }

    private static BufferedImage scaled(BufferedImage picture) {
        double ratio = Math.min(1.0, (double) SIZE / Math.max(picture.getWidth(), picture.getHeight()));
        int width = Math.max(1, (int) Math.round(picture.getWidth() * ratio));
        int height = Math.max(1, (int) Math.round(picture.getHeight() * ratio));
        BufferedImage thumbnail = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = thumbnail.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(picture, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return thumbnail;
    }

    private static byte[] png(BufferedImage thumbnail) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(thumbnail, "png", out);
        return out.toByteArray();
    }
}
