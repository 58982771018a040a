package org.duban.app.plan.importing;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Word's automatic numbering is read as the reader sees it: the labels Word draws are part of the text. */
class WordNumberingTest {

    @Test
    void headings_and_a_number_column_numbered_by_word_read_with_their_numbers() throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFNumbering numbering = document.createNumbering();
            BigInteger headings = numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(abstractNum(0,
                    new Object[]{STNumberFormat.CHINESE_COUNTING, "%1、"},
                    new Object[]{STNumberFormat.CHINESE_COUNTING, "（%2）"}))));
            BigInteger rows = numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(abstractNum(1,
                    new Object[]{STNumberFormat.DECIMAL, "%1"}))));

            numbered(document.createParagraph(), headings, 0, "总体要求");
            numbered(document.createParagraph(), headings, 1, "加强组织领导。");
            numbered(document.createParagraph(), headings, 1, "强化要素保障。");
            numbered(document.createParagraph(), headings, 0, "重点任务");
            numbered(document.createParagraph(), headings, 1, "建立健全服务体系行动。");
            XWPFTable table = document.createTable(3, 2);
            table.getRow(0).getCell(0).setText("序号");
            table.getRow(0).getCell(1).setText("工作任务");
            numbered(table.getRow(1).getCell(0).getParagraphs().get(0), rows, 0, "");
            table.getRow(1).getCell(1).setText("建设中医馆");
            numbered(table.getRow(2).getCell(0).getParagraphs().get(0), rows, 0, "");
            table.getRow(2).getCell(1).setText("推广适宜技术");
            document.write(out);

            List<SourceTable> read = new TableFiles(DataSize.ofMegabytes(1)).read("numbered.docx", out.toByteArray());

            assertThat(read.get(0).rows()).extracting(row -> row.cell(0)).containsExactly("序号", "1", "2");
            assertThat(read.get(1).rows()).extracting(row -> row.cell(0)).containsExactly("一、总体要求",
                    "（一）加强组织领导。", "（二）强化要素保障。", "二、重点任务", "（一）建立健全服务体系行动。");
        }
    }

    @Test
    void numbers_are_written_as_the_format_says() {
        assertThat(List.of(1, 10, 12, 20, 21, 105, 110).stream().map(WordNumbering::chinese))
                .containsExactly("一", "十", "十二", "二十", "二十一", "一百零五", "一百一十");
        assertThat(WordNumbering.format(3, "decimalEnclosedCircle")).isEqualTo("③");
        assertThat(WordNumbering.format(28, "upperLetter")).isEqualTo("AB");
        assertThat(WordNumbering.format(14, "lowerRoman")).isEqualTo("xiv");
    }

    private static CTAbstractNum abstractNum(int id, Object[]... levels) {
        CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
        abstractNum.setAbstractNumId(BigInteger.valueOf(id));
        for (int level = 0; level < levels.length; level++) {
            CTLvl lvl = abstractNum.addNewLvl();
            lvl.setIlvl(BigInteger.valueOf(level));
            lvl.addNewStart().setVal(BigInteger.ONE);
            lvl.addNewNumFmt().setVal((STNumberFormat.Enum) levels[level][0]);
            lvl.addNewLvlText().setVal((String) levels[level][1]);
        }
        return abstractNum;
    }

    private static void numbered(XWPFParagraph paragraph, BigInteger list, int level, String text) {
        paragraph.setNumID(list);
        paragraph.setNumILvl(BigInteger.valueOf(level));
        if (!text.isEmpty()) {
            paragraph.createRun().setText(text);
        }
    }
}
