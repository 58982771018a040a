package org.duban.app.reporting.evidence;

import org.duban.api.Limits;
import org.duban.app.files.FileBytes;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.duban.app.files.FileBytes.hasAt;
import static org.duban.app.files.FileBytes.startsWith;

/**
 * Decides whether an upload is acceptable evidence: a named, non-empty file within the size limit whose extension
 * and content agree on an accepted type, without active content. Neither name nor content is trusted alone: the name
 * decides how the reader's computer opens the file, the content what it really is. Active content is what a reader's
 * program could run instead of showing: PDF scripts and actions ({@link PdfActiveContent}), Office macros and ActiveX,
 * markup that makes a PDF, image or text also a web page (a polyglot), and archives that unpack past the bounds
 * shared with the plan import ({@link FileBytes#inflatesTooMuch}).
 */
final class EvidenceFiles {

    private final long maxBytes;

    EvidenceFiles(DataSize maxFileSize) {
        this.maxBytes = maxFileSize.toBytes();
    }

    /** The file name as it will be stored and shown, and the type both name and content agree on. */
    record Accepted(String fileName, EvidenceType type) {
    }

    Accepted check(String uploadedName, byte[] content) {
        String name = fileName(uploadedName);
        if (content.length == 0) {
            throw refused(name, "the file is empty");
        }
        if (content.length > maxBytes) {
            throw new EvidenceRefused(name, name + ": the file is " + size(content.length)
                    + "; the largest evidence file accepted is " + size(maxBytes) + ". " + accepted(), true);
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        EvidenceType declared = EvidenceType.ofExtension(extension).orElseThrow(() -> refused(name, extension.isEmpty()
                ? "the file name has no extension, so its type is unknown"
                : "files of type ." + extension + " are not accepted"));
        Content actual = sniff(content);
        if (actual.hazard() != null) {
            throw new EvidenceRefused(name, name + ": " + actual.hazard() + ".", false);
        }
        if (actual.type() != declared) {
            throw refused(name, "the name says " + declared.label() + " (." + extension + ") but the content is "
                    + actual.description());
        }
        Optional<String> active = declared == EvidenceType.PDF ? PdfActiveContent.find(content) : Optional.empty();
        if (active.isEmpty() && declared.flat()) {
            active = markup(content).map(tag -> (declared == EvidenceType.TEXT ? "the text is a web page or script"
                    : "the " + declared.label() + " is also a web page or script (a polyglot)") + ": it holds "
                    + tag + "…, which a browser would run; " + (declared == EvidenceType.TEXT
                    ? "save it as PDF, or remove the markup" : "save or export the file again"));
        }
        if (active.isPresent()) {
            throw new EvidenceRefused(name, name + ": " + active.get() + ".", false);
        }
        return new Accepted(name, declared);
    }

    String accepted() {
        return "Accepted are " + EvidenceType.accepted() + ", up to " + size(maxBytes) + ".";
    }

    private EvidenceRefused refused(String name, String problem) {
        return new EvidenceRefused(name, name + ": " + problem + ". " + accepted(), false);
    }

    /**
     * The name without format characters: a right-to-left override (U+202E) before "fdp.exe" would show
     * "report…fdp.exe" as "reportexe.pdf". A control character (NUL, a line break, …) or a path separator is no part
     * of a file name a person gave (browsers send the name alone): such a name is refused, not guessed at.
     */
    private String fileName(String uploadedName) {
        String name = uploadedName == null ? "" : uploadedName;
        int separator = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (separator >= 0) {
            String last = name.substring(separator + 1).replaceAll("[\\p{Cc}\\p{Cf}]", "").strip();
            throw refused(last.length() > 40 ? last.substring(0, 40) + "…" : last, "the file name holds a path (\""
                    + name.charAt(separator) + "\"); send the file's name alone, such as report.pdf");
        }
        name = Normalizer.normalize(name, Normalizer.Form.NFC).codePoints()
                .filter(c -> Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        int control = name.codePoints().filter(Character::isISOControl).findFirst().orElse(-1);
        if (control >= 0) {
            String shown = name.codePoints().filter(c -> !Character.isISOControl(c)).collect(StringBuilder::new,
                    StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
            throw refused(shown.length() > 40 ? shown.substring(0, 40) + "…" : shown, String.format(Locale.ROOT,
                    "the file name holds the control character U+%04X, which no file name may; rename the file",
                    control));
        }
        name = name.strip();
        if (name.isEmpty()) {
            throw new EvidenceRefused("", "the upload has no file name; send the file with its name, such as report.pdf. "
                    + accepted(), false);
        }
        if (name.length() > Limits.FILE_NAME) {
            throw refused(name.substring(0, 40) + "…", "the file name is " + name.length()
                    + " characters long; at most " + Limits.FILE_NAME + " are accepted");
        }
        return name;
    }

    static String size(long bytes) {
        long mb = 1024 * 1024;
        if (bytes % mb == 0) {
            return bytes / mb + " MB";
        }
        if (bytes >= mb) {
            return String.format(Locale.ROOT, "%.1f MB (%d bytes)", bytes / (double) mb, bytes);
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    // --- what the bytes are ---------------------------------------------------------------------------------------

    /**
     * An accepted type, or (type null) a description of what the content is instead, or a hazard: why the content
     * is refused whatever its name says.
     */
    private record Content(EvidenceType type, String description, String hazard) {
        static Content of(EvidenceType type) {
            return new Content(type, type.description(), null);
        }

        static Content other(String description) {
            return new Content(null, description, null);
        }

        static Content hazard(String hazard) {
            return new Content(null, null, hazard);
        }
    }

    private static Content sniff(byte[] c) {
        if (startsWith(c, '%', 'P', 'D', 'F', '-')) {
            return Content.of(EvidenceType.PDF);
        }
        if (startsWith(c, 0xFF, 0xD8, 0xFF)) {
            return Content.of(EvidenceType.JPEG);
        }
        if (startsWith(c, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Content.of(EvidenceType.PNG);
        }
        if (startsWith(c, 'P', 'K', 0x03, 0x04)) {
            return zip(c);
        }
        if (startsWith(c, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return Content.other("an old-format Word or Excel file (.doc, .xls); save it as .docx, .xlsx or PDF");
        }
        if (windowsProgram(c)) {
            return Content.other("a Windows program");
        }
        if (startsWith(c, 0x7F, 'E', 'L', 'F')) {
            return Content.other("a program (ELF)");
        }
        if (startsWith(c, 'G', 'I', 'F', '8')) {
            return Content.other("a GIF image; save it as PNG");
        }
        if (startsWith(c, 'R', 'a', 'r', '!', 0x1A, 0x07) || startsWith(c, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)
                || startsWith(c, 0x1F, 0x8B) || startsWith(c, 'P', 'K', 0x05, 0x06)) {
            return Content.other("an archive (RAR, 7-Zip, gzip or an empty zip)");
        }
        if (startsWith(c, 0xFF, 0xFE) || startsWith(c, 0xFE, 0xFF)) {
            return Content.other("UTF-16 text; save it as UTF-8");
        }
        return text(c);
    }

    /** "MZ" alone is too weak (a text may begin with it): a Windows program's DOS header points to "PE\0\0". */
    private static boolean windowsProgram(byte[] c) {
        if (!startsWith(c, 'M', 'Z') || c.length < 0x40) {
            return false;
        }
        int pe = (c[0x3C] & 0xFF) | (c[0x3D] & 0xFF) << 8 | (c[0x3E] & 0xFF) << 16 | (c[0x3F] & 0xFF) << 24;
        return hasAt(c, pe, 'P', 'E', 0, 0);
    }

    /**
     * Office files are zips with [Content_Types].xml and a word/ or xl/ part; an OFD is a zip with OFD.xml at its root.
     * Every entry is inflated, counting, within the bounds shared with the plan import, and its name is checked for
     * active parts; the central directory, which Office and OFD readers follow, must list the same entries.
     */
    private static Content zip(byte[] content) {
        boolean contentTypes = false;
        boolean word = false;
        boolean excel = false;
        boolean ofd = false;
        List<String> names = new ArrayList<>();
        long inflated = 0;
        byte[] buffer = new byte[64 * 1024];
        // Names not flagged as UTF-8 may be GBK; ISO-8859-1 reads any byte, and the names that decide are ASCII.
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content), StandardCharsets.ISO_8859_1)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                names.add(name);
                ofd |= name.equals("OFD.xml");
                contentTypes |= name.equals("[Content_Types].xml");
                word |= name.startsWith("word/");
                excel |= name.startsWith("xl/");
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    inflated += n;
                    if (FileBytes.inflatesTooMuch(inflated, content.length)) {
                        return Content.hazard("the file unpacks to more than " + size(FileBytes.MAX_INFLATED)
                                + ", or to more than " + FileBytes.MAX_INFLATE_RATIO + " times its size (at part "
                                + name + "); it looks like a zip bomb. Save the document again, or as PDF");
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Content.other("a damaged zip archive");
        }
        if (names.isEmpty()) {
            // the first entry cannot be read (damaged, or streamed in a form office files never use)
            return Content.other("a damaged zip archive");
        }
        EvidenceType type = ofd ? EvidenceType.OFD : contentTypes && word ? EvidenceType.DOCX
                : contentTypes && excel ? EvidenceType.XLSX : null;
        if (type == null) {
            return Content.other("a zip archive that is not a Word, Excel or OFD document");
        }
        List<String> directory = ZipDirectory.names(content);
        if (directory == null || !sorted(directory).equals(sorted(names))) {
            return Content.hazard("the zip archive's directory does not list the parts it holds (or there is data "
                    + "after its end), so programs would read different documents from it; save the document again");
        }
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            String active = lower.endsWith("vbaproject.bin") ? "macros (" + name + ")"
                    : lower.contains("activex/") ? "ActiveX controls (" + name + ")"
                    : lower.startsWith("xl/macrosheets/") ? "Excel 4.0 macro sheets (" + name + ")" : null;
            if (active != null) {
                return Content.hazard("the document holds " + active + ", which Office could run; save it as a "
                        + "document without macros (.docx, .xlsx) or as PDF");
            }
        }
        return Content.of(type);
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }

    /**
     * Markup a browser would run if it ever took the file for a page: a PDF, image or text that is also HTML, SVG
     * or PHP (a polyglot). Each tag counts only as a tag (followed by a space, "/" or ">"), so that binary data does
     * not match by chance.
     */
    private static final List<String> MARKUP = List.of("<!doctype html", "<html", "<head", "<body", "<script",
            "<iframe", "<frame", "<object", "<embed", "<svg", "<img", "<meta", "<?php");

    static Optional<String> markup(byte[] content) {
        for (int i = 0; i < content.length; i++) {
            if (content[i] != '<') {
                continue;
            }
            for (String tag : MARKUP) {
                int end = i + tag.length();
                if (end < content.length && startsWithIgnoringCase(content, i, tag)
                        && (tag.equals("<?php") || content[end] == '>' || content[end] == '/'
                        || content[end] == ' ' || content[end] == '\t' || content[end] == '\n' || content[end] == '\r')) {
                    return Optional.of(tag);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean startsWithIgnoringCase(byte[] content, int at, String text) {
        for (int k = 0; k < text.length(); k++) {
            if (Character.toLowerCase((char) (content[at + k] & 0xFF)) != text.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static Content text(byte[] content) {
        for (int i = 0; i < content.length; i++) {
            if (content[i] == 0) {
                return Content.other("binary data, not text (a NUL byte at offset " + i + ")");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        for (CoderResult result = decoder.decode(in, out, true); ; result = decoder.decode(in, out.clear(), true)) {
            if (result.isError()) {
                return Content.other("not UTF-8 text (offset " + in.position() + " is not UTF-8; GB18030/GBK text "
                        + "must be saved as UTF-8)");
            }
            if (result.isUnderflow()) {
                return Content.of(EvidenceType.TEXT);
            }
        }
    }
}
