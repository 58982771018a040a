package org.duban.query.implementation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How an item of a parent plan finds its counterpart in a plan that implements it (a district's decomposition of the
 * city's plan): the child item whose wording is closest, if it is close enough.
 * <p>
 * Wording is compared as the Dice coefficient of the character pairs (bigrams) of both texts after
 * {@link #normalized normalizing} them: the printed number, spaces and punctuation dropped, and 区 and 县 read as 市,
 * because a district restates the city's sentence for itself ("做大做强市中医院" → "做大做强区中医院"). A task is
 * compared by its first sentence, which in these plans names the measure ("打造中医药服务高地。…"), and by its whole
 * text; the better of the two counts. A child offers its section titles as well as its task texts, because a
 * decomposition often turns the parent's measure into a heading with the district's tasks below it.
 * <p>
 * Printed numbers are not evidence: the child renumbers (the city's 二、 is Dazu's 一、). They only break a tie
 * between equally close candidates. Indicators compare by name, and only where their units of measure agree or one
 * of them has none.
 */
public final class Counterparts {
    /** Below this score wording is only "about the same subject"; at or above it, the same commitment (see the docs). */
    public static final double TASK_THRESHOLD = 0.6;
    /** Higher for names: 青年岐黄学者 (national) and 巴渝（青年）岐黄学者 (the city's own title) score 0.83 and are not the same. */
    public static final double INDICATOR_THRESHOLD = 0.85;

    private static final Pattern NUMBERING = Pattern.compile(
            "^\\s*(?:[一二三四五六七八九十百]+[、是.．]|[（(][一二三四五六七八九十\\d]+[）)]|\\d{1,3}\\s*[.．、])\\s*");
    private static final Pattern NOT_WORDING = Pattern.compile("[\\p{P}\\p{S}\\p{Z}\\s]+");

    private Counterparts() {
    }

    /**
     * An item to match. For a task, text is its text; for a section, its title; for an indicator, its name.
     *
     * @param code          the number the document prints, or null
     * @param unitOfMeasure an indicator's unit (个, %, 亿元), or null
     */
    public record Item(String id, String code, String text, String unitOfMeasure) {
        public Item {
            Objects.requireNonNull(id, "id");
            text = text == null ? "" : text;
        }
    }

    /** A parent item and its counterpart, or null with the closest wording found below the threshold. */
    public record Match(Item parent, Item counterpart, double score) {
        public boolean found() {
            return counterpart != null;
        }
    }

    /** Each parent task (or task-less section) against the child's section titles and task texts. */
    public static List<Match> tasks(List<Item> parents, List<Item> children) {
        return match(parents, children, TASK_THRESHOLD, false);
    }

    /** Each parent indicator against the child's indicators, by name, where units agree. */
    public static List<Match> indicators(List<Item> parents, List<Item> children) {
        return match(parents, children, INDICATOR_THRESHOLD, true);
    }

    private static List<Match> match(List<Item> parents, List<Item> children, double threshold, boolean byUnit) {
        Map<Item, Wording> wordings = new HashMap<>();
        children.forEach(child -> wordings.put(child, new Wording(child.text())));
        List<Match> matches = new ArrayList<>(parents.size());
        for (Item parent : parents) {
            Wording wording = new Wording(parent.text());
            Item best = null;
            double bestScore = 0;
            for (Item child : children) {
                if (byUnit && !sameUnit(parent.unitOfMeasure(), child.unitOfMeasure())) {
                    continue;
                }
                double score = wording.against(wordings.get(child));
                boolean sameNumber = parent.code() != null && parent.code().equals(child.code());
                if (score > bestScore || (score == bestScore && best != null && sameNumber
                        && !parent.code().equals(best.code()))) {
                    best = child;
                    bestScore = score;
                }
            }
            matches.add(bestScore >= threshold ? new Match(parent, best, bestScore) : new Match(parent, null, bestScore));
        }
        return matches;
    }

    private static boolean sameUnit(String a, String b) {
        return a == null || b == null || a.isBlank() || b.isBlank() || a.strip().equals(b.strip());
    }

    /** The text as compared: no printed number, no spaces or punctuation, 区 and 县 read as 市. */
    static String normalized(String text) {
        if (text == null) {
            return "";
        }
        String rest = text.strip();
        for (String before = null; !rest.equals(before); ) {
            before = rest;
            rest = NUMBERING.matcher(rest).replaceFirst("");
        }
        return NOT_WORDING.matcher(rest).replaceAll("").replace('区', '市').replace('县', '市');
    }

    /** Dice's coefficient of the two texts' character pairs: 1 for the same wording, 0 for nothing in common. */
    static double similarity(String a, String b) {
        return dice(bigrams(normalized(a)), bigrams(normalized(b)));
    }

    private static double dice(Map<String, Integer> a, Map<String, Integer> b) {
        int total = size(a) + size(b);
        if (total == 0) {
            return 0;
        }
        int common = 0;
        for (Map.Entry<String, Integer> pair : a.entrySet()) {
            common += Math.min(pair.getValue(), b.getOrDefault(pair.getKey(), 0));
        }
        return 2.0 * common / total;
    }

    private static int size(Map<String, Integer> bigrams) {
        return bigrams.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static Map<String, Integer> bigrams(String text) {
        Map<String, Integer> pairs = new HashMap<>();
        if (text.length() == 1) {
            pairs.put(text, 1);
        }
        for (int i = 0; i + 1 < text.length(); i++) {
            pairs.merge(text.substring(i, i + 2), 1, Integer::sum);
        }
        return pairs;
    }

    /** A text's first sentence and whole wording, as pairs. */
    private static final class Wording {
        private final Map<String, Integer> head;
        private final Map<String, Integer> whole;

        Wording(String text) {
            int stop = text.indexOf('。');
            this.whole = bigrams(normalized(text));
            this.head = stop > 0 && stop < text.length() - 1 ? bigrams(normalized(text.substring(0, stop))) : whole;
        }

        double against(Wording other) {
            return Math.max(Math.max(dice(head, other.head), dice(whole, other.whole)),
                    Math.max(dice(head, other.whole), dice(whole, other.head)));
        }
    }
}
