package org.duban.app.reporting.evidence;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of file accepted as evidence: what they are called, their media type and their file name extensions. */
public enum EvidenceType {
    PDF("PDF", "a PDF document", "application/pdf", "pdf"),
    JPEG("JPEG", "a JPEG image", "image/jpeg", "jpg", "jpeg"),
    PNG("PNG", "a PNG image", "image/png", "png"),
    DOCX("Word", "a Word document (.docx)",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("Excel", "an Excel workbook (.xlsx)",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    // OFD (GB/T 33190), the format of Chinese official electronic documents: a zip whose root holds OFD.xml
    OFD("OFD", "an OFD document", "application/ofd", "ofd"),
    TEXT("plain text in UTF-8", "plain UTF-8 text", "text/plain; charset=UTF-8", "txt");

    private final String label;
    private final String description;
    private final String mediaType;
    private final List<String> extensions;

    EvidenceType(String label, String description, String mediaType, String... extensions) {
        this.label = label;
        this.description = description;
        this.mediaType = mediaType;
        this.extensions = List.of(extensions);
    }

    public String mediaType() {
        return mediaType;
    }

    public List<String> extensions() {
        return extensions;
    }

    /** Read as it is, not unpacked: a PDF, an image or text, which markup could make a web page as well. */
    boolean flat() {
        return this == PDF || this == JPEG || this == PNG || this == TEXT;
    }

    /** The type's name in the list of accepted types: "PDF", "Word". */
    String label() {
        return label;
    }

    /** What the content is, as a refusal message names it: "a PNG image". */
    String description() {
        return description;
    }

    /** The type a file name claims by its extension, matched without regard to case. */
    static Optional<EvidenceType> ofExtension(String extension) {
        String lower = extension.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.extensions.contains(lower)).findFirst();
    }

    /** "PDF (.pdf), JPEG (.jpg, .jpeg), …": the list every refusal ends with. */
    static String accepted() {
        return Arrays.stream(values())
                .map(type -> type.label + " (" + type.extensions.stream().map(e -> "." + e)
                        .collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(", "));
    }
}
