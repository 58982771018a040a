package org.duban.api;

/**
 * A name or title quoted in a Chinese sentence, as the offices write it: in double corner quotes “…”, with the quotes
 * it holds itself turned single (‘…’), so that “‘十四五’中医药发展规划中期评估” reads as one quotation, not as
 * ““十四五”…”.
 */
public final class ChineseQuotes {
    private ChineseQuotes() {
    }

    public static String quoted(String text) {
        return "“" + text.replace('“', '‘').replace('”', '’') + "”";
    }
}
