package org.duban.app.plan.importing;

import java.util.List;

/** Reads the tables of an uploaded file: .xlsx, .docx or .csv (UTF-8 with or without BOM, or GB18030/GBK). */
public interface TableFileReader {

    /**
     * @param fileName the name the user uploaded, used in messages and as a hint of the format
     * @param content  the whole file
     * @return the visible tables in file order, never empty
     * @throws UnreadableFile with a message that names the file and says what is wrong
     */
    List<SourceTable> read(String fileName, byte[] content);
}
