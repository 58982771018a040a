package org.duban.app.plan.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables of the seed documents in {@code ../shared/seeds}, as rows of cells. In the Dazu text each table row is
 * a block of tab-led lines, one per cell, blocks separated by an empty line; an empty cell means "same as above".
 */
record SeedTables(String taskTitle, List<List<String>> taskRows, String indicatorTitle,
                  List<List<String>> indicatorRows, List<String> notes) {

    static Path seeds() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path seeds = dir.resolve("shared/seeds");
            if (Files.isDirectory(seeds)) {
                return seeds;
            }
            Path sibling = dir.resolveSibling("shared").resolve("seeds");
            if (Files.isDirectory(sibling)) {
                return sibling;
            }
        }
        throw new IllegalStateException("../shared/seeds not found above " + here);
    }

    static SeedTables dazu() {
        List<String> lines = lines("dazu-tcm-task-decomposition-2024.txt");
        String taskTitle = null;
        String indicatorTitle = null;
        List<List<String>> tasks = new ArrayList<>();
        List<List<String>> indicators = new ArrayList<>();
        List<List<String>> current = null;
        List<String> row = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("\t")) {
                row.add(line.substring(1).strip());
                continue;
            }
            if (!row.isEmpty() && current != null) {
                current.add(row);
            }
            row = new ArrayList<>();
            String text = line.strip();
            if (text.endsWith("任务分解") && text.startsWith("大足区贯彻落实")) {
                taskTitle = text;
                current = tasks;
            } else if (current == tasks && !text.isEmpty()) {
                indicatorTitle = text;
                current = indicators;
            } else if (current == indicators && !text.isEmpty()) {
                current = null;
            }
        }
        return new SeedTables(taskTitle, tasks, indicatorTitle, indicators, List.of());
    }

    private static final Pattern PROGRAMME = Pattern.compile("^([二三四五六七八九]、)(.+工程.*)$");
    private static final Pattern SUBSECTION = Pattern.compile("^(（[一二三四五六七八九十]+）)([^。]+)。.*$");

    /**
     * The Chongqing plan as a table: its programmes (二…九, 工程) and their parts （一）… as heading rows, then its
     * indicator table (序号 / 主要指标 / 2022年 / 2027年) and the note under it.
     */
    static SeedTables chongqing() {
        List<String> lines = lines("chongqing-tcm-major-projects-2023-2027.txt");
        List<List<String>> sections = new ArrayList<>();
        sections.add(List.of("重大工程", "二级任务", "具体任务", "责任单位"));
        List<List<String>> indicators = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String indicatorTitle = null;
        List<String> row = new ArrayList<>();
        boolean inProgrammes = false;
        for (String line : lines) {
            if (line.startsWith("\t")) {
                row.add(line.substring(1).strip());
                continue;
            }
            if (!row.isEmpty()) {
                indicators.add(row);
                row = new ArrayList<>();
            }
            String text = line.strip();
            Matcher programme = PROGRAMME.matcher(text);
            Matcher part = SUBSECTION.matcher(text);
            if (text.equals("中医药发展主要指标")) {
                indicatorTitle = text;
            } else if (text.startsWith("注：")) {
                notes.add(text);
            } else if (programme.matches()) {
                inProgrammes = true;
                sections.add(List.of(text, "", "", ""));
            } else if (text.startsWith("十、")) {
                inProgrammes = false;
            } else if (inProgrammes && part.matches()) {
                sections.add(List.of("", part.group(1) + part.group(2), "", ""));
            }
        }
        return new SeedTables("重庆市中医药振兴发展重大工程实施方案（2023—2027年）", sections, indicatorTitle,
                indicators, notes);
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(seeds().resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
