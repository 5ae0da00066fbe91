package vn.mydrive.drive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ThumbnailImageTest {

    @Test
    void aPictureBecomesASmallPngOfTheSameProportions() throws IOException {
        byte[] png = ThumbnailImage.of(new ByteArrayInputStream(png(1200, 800))).orElseThrow();
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(160, thumbnail.getWidth());
        assertEquals(107, thumbnail.getHeight());
    }

    @Test
    void aSmallPictureIsNotEnlarged() throws IOException {
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(
                ThumbnailImage.of(new ByteArrayInputStream(png(30, 90))).orElseThrow()));
        assertEquals(30, thumbnail.getWidth());
        assertEquals(90, thumbnail.getHeight());
    }

    @Test
    void bytesThatAreNoPictureHaveNoThumbnail() throws IOException {
        assertTrue(ThumbnailImage.of(new ByteArrayInputStream("<svg/> or anything".getBytes())).isEmpty());
        byte[] truncated = java.util.Arrays.copyOf(png(400, 300), 60);
        assertTrue(ThumbnailImage.of(new ByteArrayInputStream(truncated)).isEmpty());
    }

    @Test
    void aPictureDeclaringBillionsOfPixelsIsRefusedBeforeDecoding() throws IOException {
        byte[] bomb = png(10, 10);
        // IHDR starts at byte 8: length (4), "IHDR" (4), width (4), height (4), ..., CRC over type and data.
        ByteBuffer header = ByteBuffer.wrap(bomb);
        header.putInt(16, 100_000);
        header.putInt(20, 100_000);
        CRC32 crc = new CRC32();
        crc.update(bomb, 12, 17);
        header.putInt(29, (int) crc.getValue());
        assertTrue(ThumbnailImage.of(new ByteArrayInputStream(bomb)).isEmpty());
    }

    @Test
    void previewsAreChosenByNameAndNeverServeMarkupAsAPage() {
        assertEquals(Preview.Kind.TEXT, Preview.of("trang.HTML").kind());
        assertTrue(Preview.of("trang.html").mediaType().startsWith("text/plain"));
        assertEquals(Preview.Kind.IMAGE, Preview.of("logo.svg").kind());
        assertTrue(!Preview.of("logo.svg").thumbnailable());
        assertEquals(Preview.Kind.VIDEO, Preview.of("clip.webm").kind());
        assertEquals(Preview.Kind.NONE, Preview.of("setup.exe").kind());
        assertEquals(Preview.Kind.NONE, Preview.of("no-extension").kind());
        assertEquals(Preview.Kind.NONE, Preview.of("dot.").kind());
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
