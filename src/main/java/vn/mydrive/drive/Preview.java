package vn.mydrive.drive;

import java.util.Locale;
import java.util.Map;

/**
 * How a file can be looked at in the browser without downloading it, decided from its name alone: the type a
 * client declared at upload is not trusted to choose how the browser treats the bytes. Every kind is served with
 * the media type given here (text of any sort as {@code text/plain}, so an HTML file is shown as its source),
 * never with the declared one.
 */
public record Preview(Kind kind, String mediaType) {

    /** What the page shows. */
    public enum Kind {
        IMAGE, PDF, AUDIO, VIDEO, TEXT,
        /** Nothing to show: the page offers Download. */
        NONE
    }

    /** Shown as an image only ({@code <img>}), where a browser runs none of its scripts. */
    public static final String SVG = "image/svg+xml";
    private static final Preview NO_PREVIEW = new Preview(Kind.NONE, "application/octet-stream");
    private static final Preview TEXT = new Preview(Kind.TEXT, "text/plain; charset=UTF-8");

    private static final Map<String, Preview> BY_EXTENSION = Map.ofEntries(
            Map.entry("png", new Preview(Kind.IMAGE, "image/png")),
            Map.entry("jpg", new Preview(Kind.IMAGE, "image/jpeg")),
            Map.entry("jpeg", new Preview(Kind.IMAGE, "image/jpeg")),
            Map.entry("gif", new Preview(Kind.IMAGE, "image/gif")),
            Map.entry("webp", new Preview(Kind.IMAGE, "image/webp")),
            Map.entry("bmp", new Preview(Kind.IMAGE, "image/bmp")),
            Map.entry("svg", new Preview(Kind.IMAGE, SVG)),
            Map.entry("pdf", new Preview(Kind.PDF, "application/pdf")),
            Map.entry("mp3", new Preview(Kind.AUDIO, "audio/mpeg")),
            Map.entry("m4a", new Preview(Kind.AUDIO, "audio/mp4")),
            Map.entry("ogg", new Preview(Kind.AUDIO, "audio/ogg")),
            Map.entry("oga", new Preview(Kind.AUDIO, "audio/ogg")),
            Map.entry("opus", new Preview(Kind.AUDIO, "audio/ogg")),
            Map.entry("wav", new Preview(Kind.AUDIO, "audio/wav")),
            Map.entry("flac", new Preview(Kind.AUDIO, "audio/flac")),
            Map.entry("mp4", new Preview(Kind.VIDEO, "video/mp4")),
            Map.entry("m4v", new Preview(Kind.VIDEO, "video/mp4")),
            Map.entry("webm", new Preview(Kind.VIDEO, "video/webm")),
            Map.entry("ogv", new Preview(Kind.VIDEO, "video/ogg")),
            Map.entry("txt", TEXT), Map.entry("text", TEXT), Map.entry("md", TEXT), Map.entry("csv", TEXT),
            Map.entry("tsv", TEXT), Map.entry("log", TEXT), Map.entry("json", TEXT), Map.entry("xml", TEXT),
            Map.entry("html", TEXT), Map.entry("htm", TEXT), Map.entry("css", TEXT), Map.entry("js", TEXT),
            Map.entry("java", TEXT), Map.entry("py", TEXT), Map.entry("c", TEXT), Map.entry("h", TEXT),
            Map.entry("cpp", TEXT), Map.entry("sh", TEXT), Map.entry("yml", TEXT), Map.entry("yaml", TEXT),
            Map.entry("ini", TEXT), Map.entry("conf", TEXT), Map.entry("properties", TEXT), Map.entry("sql", TEXT),
            Map.entry("srt", TEXT), Map.entry("vtt", TEXT));

    public static Preview of(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return NO_PREVIEW;
        }
        return BY_EXTENSION.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), NO_PREVIEW);
    }

    /** Images the server can read to make a thumbnail of (not SVG, which is a program, nor WebP). */
    public boolean thumbnailable() {
        return kind == Kind.IMAGE && !mediaType.equals(SVG) && !mediaType.equals("image/webp");
    }
}
