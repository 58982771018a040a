package org.duban.app.reporting.evidence;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small real files of each kind evidence may be, and of kinds it may not. */
public final class EvidenceSamples {
    private EvidenceSamples() {
    }

    /** A one-page PDF, with the binary comment line PDF writers put after the header. */
    public static byte[] pdf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.4\n%".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[]{(byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, '\n'});
        out.writeBytes(("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static byte[] png() {
        return image("png");
    }

    static byte[] jpeg() {
        return image("jpg");
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, Color.RED.getRGB());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The skeleton of an OFD (GB/T 33190) package: the entry file OFD.xml at the root and one document. */
    static byte[] ofd() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("OFD.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" "
                + "Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
                + "</ofd:DocBody></ofd:OFD>").getBytes(StandardCharsets.UTF_8));
        entries.put("Doc_0/Document.xml", "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"
                .getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    /** A Windows program's first bytes: the DOS header "MZ" pointing at the "PE" signature. */
    static byte[] windowsProgram() {
        byte[] program = new byte[0x200];
        program[0] = 'M';
        program[1] = 'Z';
        program[0x3C] = 0x40;
        program[0x40] = 'P';
        program[0x41] = 'E';
        return program;
    }

    static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A Word document whose word/document.xml inflates to {@code mebibytes} MiB of zeros, built in milliseconds: one
     * MiB of zeros deflated once (ending on a full flush, so that it refers to nothing before it) is repeated, which
     * is a valid deflate stream of all of them, and written into a zip by hand with its CRC-32 and sizes.
     */
    static byte[] wordZipBomb(int mebibytes) {
        byte[] zeros = new byte[1024 * 1024];
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(zeros);
        byte[] buffer = new byte[64 * 1024];
        int chunk = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
        deflater.finish();
        byte[] end = new byte[16];
        int endLength = deflater.deflate(end);
        deflater.end();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        CRC32 crc = new CRC32();
        for (int i = 0; i < mebibytes; i++) {
            data.write(buffer, 0, chunk);
            crc.update(zeros);
        }
        data.write(end, 0, endLength);

        Map<String, byte[]> small = Map.of("[Content_Types].xml", text("<Types/>"));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        int count = 0;
        for (Map.Entry<String, byte[]> entry : small.entrySet()) {
            CRC32 smallCrc = new CRC32();
            smallCrc.update(entry.getValue());
            Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            d.setInput(entry.getValue());
            d.finish();
            byte[] out = new byte[entry.getValue().length + 64];
            int n = d.deflate(out);
            d.end();
            entry(zip, directory, entry.getKey(), Arrays.copyOf(out, n), smallCrc.getValue(), entry.getValue().length);
            count++;
        }
        entry(zip, directory, "word/document.xml", data.toByteArray(), crc.getValue(), (long) mebibytes * zeros.length);
        count++;
        int directoryOffset = zip.size();
        zip.writeBytes(directory.toByteArray());
        ByteBuffer end64 = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN).putInt(0x06054b50).putShort((short) 0)
                .putShort((short) 0).putShort((short) count).putShort((short) count).putInt(directory.size())
                .putInt(directoryOffset).putShort((short) 0);
        zip.writeBytes(end64.array());
        return zip.toByteArray();
    }

    private static void entry(ByteArrayOutputStream zip, ByteArrayOutputStream directory, String name, byte[] deflated,
                              long crc, long size) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        int offset = zip.size();
        zip.writeBytes(ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN).putInt(0x04034b50).putShort((short) 20)
                .putShort((short) 0x0800).putShort((short) 8).putInt(0).putInt((int) crc).putInt(deflated.length)
                .putInt((int) size).putShort((short) nameBytes.length).putShort((short) 0).array());
        zip.writeBytes(nameBytes);
        zip.writeBytes(deflated);
        directory.writeBytes(ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN).putInt(0x02014b50).putShort((short) 20)
                .putShort((short) 20).putShort((short) 0x0800).putShort((short) 8).putInt(0).putInt((int) crc)
                .putInt(deflated.length).putInt((int) size).putShort((short) nameBytes.length).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset).array());
        directory.writeBytes(nameBytes);
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
