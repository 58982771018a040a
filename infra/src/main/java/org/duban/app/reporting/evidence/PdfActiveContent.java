package org.duban.app.reporting.evidence;

import org.duban.app.files.FileBytes;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Finds active content in a PDF: what a reader or a browser's PDF viewer could run or open instead of showing pages.
 * <ul>
 *   <li>{@code /JavaScript}, {@code /JS}: scripts, as document scripts or as the action of {@code /OpenAction},
 *       {@code /AA} (additional actions), links and form fields;</li>
 *   <li>{@code /Launch}: an action that starts a program or opens a file; {@code /GoToR}, {@code /GoToE}: links
 *       that open another file (on a Windows share, that hands the reader's credentials to its server);
 *       {@code /SubmitForm}, {@code /ImportData}: form actions that send data away or read other files;</li>
 *   <li>{@code /EmbeddedFile}, {@code /EmbeddedFiles}, {@code /EF}: attached files, which may be anything;</li>
 *   <li>{@code /RichMedia}: Flash or video with its own scripting;</li>
 *   <li>{@code /XFA}: an XML form, which carries its own scripts.</li>
 * </ul>
 * {@code /OpenAction} and {@code /AA} themselves are common and harmless (open at page 1); they are refused through
 * what they run. Names are read as a PDF reader reads them: with {@code #xx} escapes decoded, outside strings and
 * comments, in the file and inside object streams ({@code /ObjStm}, Flate-compressed, inflated within the bounds
 * shared with every archive, {@link FileBytes#inflatesTooMuch}). Other streams (pages, images, fonts) hold no
 * dictionaries and are skipped, but the whole file is also searched for the long names as plain bytes, so that an
 * object hidden in a stream's bytes for a reader that follows the cross-reference table is found too.
 */
final class PdfActiveContent {
    /** Each name found and what it is, in the words of the refusal. */
    private static final Map<String, String> ACTIVE = Map.ofEntries(
            Map.entry("JavaScript", "JavaScript"),
            Map.entry("JS", "JavaScript"),
            Map.entry("Launch", "a launch action, which starts a program or opens a file"),
            Map.entry("GoToR", "a link that opens another file, which may reach out over the network"),
            Map.entry("GoToE", "a link into an embedded file"),
            Map.entry("SubmitForm", "a form action that sends data away"),
            Map.entry("ImportData", "a form action that reads another file"),
            Map.entry("EmbeddedFile", "an embedded file, which may be any kind of file"),
            Map.entry("EmbeddedFiles", "embedded files, which may be any kind of file"),
            Map.entry("EF", "an embedded file, which may be any kind of file"),
            Map.entry("RichMedia", "rich media (Flash or video with its own scripts)"),
            Map.entry("XFA", "an XFA form, which carries its own scripts"));
    /** Searched as plain bytes too: long enough never to occur by chance in compressed data. */
    private static final List<String> PLAIN = List.of("JavaScript", "Launch", "EmbeddedFile", "EmbeddedFiles",
            "RichMedia", "SubmitForm", "ImportData");

    private final long fileSize;
    private long inflated;

    private PdfActiveContent(long fileSize) {
        this.fileSize = fileSize;
    }

    /** What makes the PDF active, as the refusal says it, or empty for a PDF of pages only. */
    static Optional<String> find(byte[] pdf) {
        return Optional.ofNullable(new PdfActiveContent(pdf.length).scan(pdf, 0));
    }

    private static String found(String name) {
        return "the PDF holds " + ACTIVE.get(name) + " (/" + name + "), which a browser or PDF reader could run; "
                + "save it without " + (name.startsWith("E") ? "attachments" : "scripts and actions")
                + " or print it to PDF again";
    }

    private String scan(byte[] data, int depth) {
        String plain = plainNames(data);
        if (plain != null) {
            return found(plain);
        }
        return lex(data, depth);
    }

    private static String plainNames(byte[] data) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] != '/') {
                continue;
            }
            for (String name : PLAIN) {
                if (matches(data, i + 1, name) && (i + 1 + name.length() == data.length
                        || !regular(data[i + 1 + name.length()]))) {
                    return name;
                }
            }
        }
        return null;
    }

    private static boolean matches(byte[] data, int at, String text) {
        if (data.length - at < text.length()) {
            return false;
        }
        for (int k = 0; k < text.length(); k++) {
            if (data[at + k] != text.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Reads tokens; names are checked, a dictionary followed by {@code stream} decides what its bytes are. */
    private String lex(byte[] d, int depth) {
        int i = 0;
        int dictDepth = 0;
        List<String> dict = new ArrayList<>();
        List<String> lastDict = List.of();
        while (i < d.length) {
            byte b = d[i];
            if (whitespace(b)) {
                i++;
            } else if (b == '%') {
                while (i < d.length && d[i] != '\n' && d[i] != '\r') {
                    i++;
                }
            } else if (b == '(') {
                i = afterLiteralString(d, i);
            } else if (b == '<' && i + 1 < d.length && d[i + 1] == '<') {
                if (dictDepth++ == 0) {
                    dict = new ArrayList<>();
                }
                dict.add("<<");
                i += 2;
            } else if (b == '<') {
                while (i < d.length && d[i] != '>') {
                    i++;
                }
                i++;
            } else if (b == '>' && i + 1 < d.length && d[i + 1] == '>') {
                dict.add(">>");
                if (dictDepth > 0 && --dictDepth == 0) {
                    lastDict = dict;
                }
                i += 2;
            } else if (b == '/') {
                int start = ++i;
                while (i < d.length && regular(d[i])) {
                    i++;
                }
                String name = name(d, start, i);
                if (ACTIVE.containsKey(name)) {
                    return found(name);
                }
                if (dictDepth > 0) {
                    dict.add("/" + name);
                }
            } else if (delimiter(b)) {
                if (dictDepth > 0) {
                    dict.add(String.valueOf((char) b));
                }
                i++;
            } else {
                int start = i;
                while (i < d.length && regular(d[i])) {
                    i++;
                }
                String token = new String(d, start, i - start, StandardCharsets.ISO_8859_1);
                if (token.equals("stream")) {
                    int[] range = streamData(d, i, lastDict);
                    String problem = stream(d, range[0], range[1], lastDict, depth);
                    if (problem != null) {
                        return problem;
                    }
                    lastDict = List.of();
                    i = range[1];
                } else if (dictDepth > 0) {
                    dict.add(token);
                }
            }
        }
        return null;
    }

    /** Where a stream's bytes begin and end: by its direct /Length when that ends at "endstream", else by the keyword. */
    private static int[] streamData(byte[] d, int afterKeyword, List<String> dict) {
        int start = afterKeyword;
        if (start < d.length && d[start] == '\r') {
            start++;
        }
        if (start < d.length && d[start] == '\n') {
            start++;
        }
        int length = directInt(dict, "/Length");
        if (length >= 0 && (long) start + length <= d.length) {
            int after = start + length;
            while (after < d.length && whitespace(d[after])) {
                after++;
            }
            if (matches(d, after, "endstream")) {
                return new int[]{start, start + length};
            }
        }
        for (int k = start; k < d.length; k++) {
            if (d[k] == 'e' && matches(d, k, "endstream")) {
                return new int[]{start, k};
            }
        }
        return new int[]{start, d.length};
    }

    /** An object stream holds dictionaries: inflate and read it; other streams hold none. */
    private String stream(byte[] d, int start, int end, List<String> dict, int depth) {
        boolean objectStream = dict.contains("/First") || keyFollowedBy(dict, "/Type", "/ObjStm");
        if (!objectStream) {
            return null;
        }
        if (depth > 0) {
            return "the PDF has an object stream inside an object stream, which cannot be checked for scripts";
        }
        List<String> filters = filters(dict);
        byte[] data = Arrays.copyOfRange(d, start, end);
        if (filters.isEmpty()) {
            return scan(data, depth + 1);
        }
        if (!filters.equals(List.of("/FlateDecode")) || dict.contains("/Predictor")) {
            return "the PDF has an object stream packed as " + String.join(" ", filters)
                    + (dict.contains("/Predictor") ? " with a predictor" : "")
                    + ", which cannot be checked for scripts; print it to PDF again";
        }
        byte[] unpacked = inflate(data);
        if (unpacked == DAMAGED) {
            // an encrypted PDF's object streams are ciphertext: what they hold cannot be read without the key
            return "the PDF has an object stream that cannot be unpacked (it is encrypted or damaged), so it cannot "
                    + "be checked for scripts; print it to PDF again, without a password";
        }
        if (unpacked == null) {
            return "the PDF's object streams unpack to more than " + EvidenceFiles.size(FileBytes.MAX_INFLATED)
                    + ", or to more than " + FileBytes.MAX_INFLATE_RATIO + " times the file's size";
        }
        return scan(unpacked, depth + 1);
    }

    private static final byte[] DAMAGED = new byte[0];

    /** The stream's bytes inflated, {@link #DAMAGED} if they are not Flate data, null past the bounds. */
    private byte[] inflate(byte[] data) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break; // truncated or damaged: what was inflated is checked; a reader cannot show more
                }
                inflated += n;
                if (FileBytes.inflatesTooMuch(inflated, fileSize)) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return DAMAGED;
        } finally {
            inflater.end();
        }
    }

    private static List<String> filters(List<String> dict) {
        List<String> filters = new ArrayList<>();
        for (int k = 0; k < dict.size() - 1; k++) {
            if (dict.get(k).equals("/Filter")) {
                String next = dict.get(k + 1);
                if (next.equals("[")) {
                    for (int m = k + 2; m < dict.size() && !dict.get(m).equals("]"); m++) {
                        filters.add(dict.get(m));
                    }
                } else {
                    filters.add(next);
                }
            }
        }
        return filters;
    }

    private static boolean keyFollowedBy(List<String> dict, String key, String value) {
        for (int k = 0; k < dict.size() - 1; k++) {
            if (dict.get(k).equals(key) && dict.get(k + 1).equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** A key's value if it is a direct integer (not "12 0 R"), else -1. */
    private static int directInt(List<String> dict, String key) {
        for (int k = 0; k < dict.size() - 1; k++) {
            if (dict.get(k).equals(key)) {
                if (k + 3 < dict.size() && dict.get(k + 3).equals("R")) {
                    return -1;
                }
                try {
                    return Integer.parseInt(dict.get(k + 1));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static int afterLiteralString(byte[] d, int open) {
        int nesting = 0;
        for (int i = open; i < d.length; i++) {
            if (d[i] == '\\') {
                i++;
            } else if (d[i] == '(') {
                nesting++;
            } else if (d[i] == ')' && --nesting == 0) {
                return i + 1;
            }
        }
        return d.length;
    }

    /** A name with its #xx escapes decoded, as a reader compares it: /J#61vaScript is /JavaScript. */
    private static String name(byte[] d, int start, int end) {
        StringBuilder name = new StringBuilder();
        for (int k = start; k < end; k++) {
            if (d[k] == '#' && k + 2 < end && hex(d[k + 1]) >= 0 && hex(d[k + 2]) >= 0) {
                name.append((char) (hex(d[k + 1]) << 4 | hex(d[k + 2])));
                k += 2;
            } else {
                name.append((char) (d[k] & 0xFF));
            }
        }
        return name.toString();
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    private static boolean whitespace(byte b) {
        return b == 0 || b == '\t' || b == '\n' || b == '\f' || b == '\r' || b == ' ';
    }

    private static boolean delimiter(byte b) {
        return b == '(' || b == ')' || b == '<' || b == '>' || b == '[' || b == ']' || b == '{' || b == '}'
                || b == '/' || b == '%';
    }

    private static boolean regular(byte b) {
        return !whitespace(b) && !delimiter(b);
    }
}
