package org.duban.app.plan.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.duban.app.files.FileBytes.startsWith;

/** The format of an uploaded file, told from its first bytes rather than its name. */
final class TableFormat {
    static final String XLSX = "xlsx";
    static final String DOCX = "docx";
    static final String CSV = "csv";
    static final String OLE2 = "ole2";
    static final String PDF = "pdf";
    static final String ZIP = "zip";

    private TableFormat() {
    }

    static String of(String fileName, byte[] content) {
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
            return zipKind(content);
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            return OLE2;
        }
        if (startsWith(content, '%', 'P', 'D', 'F')) {
            return PDF;
        }
        return CSV;
    }

    private static String zipKind(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().startsWith("xl/")) {
                    return XLSX;
                }
                if (entry.getName().startsWith("word/")) {
                    return DOCX;
                }
            }
        } catch (IOException e) {
            // a damaged archive: the reader explains what is wrong with it
        }
        return ZIP;
    }
}
