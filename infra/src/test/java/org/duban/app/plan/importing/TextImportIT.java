package org.duban.app.plan.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.duban.app.support.DubanIntegrationTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.Uploads.upload;

/**
 * Plans written as text, from a .txt file and from a Word document's paragraphs: the dry run proposes each section,
 * task and indicator beside its sentence; the import refuses until every item is reviewed; the reviewed plan reads
 * back from the plan tree as its document says, and corrections and drops are what is imported.
 */
@DubanIntegrationTest
@SuppressWarnings({"rawtypes", "unchecked"})
class TextImportIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    static Stream<Arguments> texts() {
        return ExpectedPlan.all("text").stream().flatMap(plan -> Stream.of("txt", "docx")
                .map(format -> Arguments.of(Named.of(plan.name(), plan), format)));
    }

    /** The text as an office would save it from Word: one paragraph a line of the text file. */
    static byte[] content(ExpectedPlan plan, String format) {
        byte[] text = plan.content("txt");
        if (format.equals("txt")) {
            return text;
        }
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : new String(text, StandardCharsets.UTF_8).split("\n")) {
                document.createParagraph().createRun().setText(line.strip());
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("texts")
    void a_text_is_imported_only_as_reviewed_and_reads_back_as_its_document_says(ExpectedPlan expected, String format) {
        String fileName = expected.name() + "." + format;
        byte[] content = content(expected, format);
        Map<String, String> fields = fields(fileName);

        ResponseEntity<Map> dry = upload(http, "supervisor", fileName, content, PlanImportIT.withDryRun(fields));
        assertThat(dry.getStatusCode()).as("%s", dry.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(dry.getBody().get("fromText")).isEqualTo(true);
        List<Map> proposal = (List<Map>) dry.getBody().get("proposal");
        String sha = (String) dry.getBody().get("sha256");
        assertThat(proposal).hasSize(expected.sectionCount() + expected.tasks().size() + expected.indicators().size())
                .allSatisfy(item -> assertThat((String) item.get("sourceText")).isNotBlank());

        ResponseEntity<Map> unreviewed = upload(http, "supervisor", fileName, content, fields);
        assertThat(unreviewed.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((List<Map>) unreviewed.getBody().get("errors")).hasSize(proposal.size())
                .allSatisfy(error -> assertThat((String) error.get("messageEn")).contains("has not been reviewed"));
        assertThat(plansTitled(fields.get("title"))).isEmpty();

        fields.put("review", review(sha, proposal, item -> Map.of("id", item.get("id"), "action", "KEEP")));
        ResponseEntity<Map> imported = upload(http, "supervisor", fileName, content, fields);
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.CREATED);
        expected.assertSameAs(ExpectedPlan.ofTree(tree((String) imported.getBody().get("planId"))),
                fileName + " read back from the plan tree");
    }

    @Test
    void ziyangs_actions_are_led_by_the_unit_listed_first_and_the_counties_stay_one_collective() {
        ExpectedPlan ziyang = ExpectedPlan.all("text").stream().filter(p -> p.name().equals("ziyang")).findFirst()
                .orElseThrow();
        Map<String, String> fields = fields("ziyang-correct.docx");
        byte[] content = content(ziyang, "docx");
        Map dry = upload(http, "supervisor", "ziyang.docx", content, PlanImportIT.withDryRun(fields)).getBody();
        List<Map> proposal = (List<Map>) dry.get("proposal");
        String sha = (String) dry.get("sha256");
        Map first = proposal.stream().filter(item -> "TASK".equals(item.get("kind"))).findFirst().orElseThrow();
        Map firstIndicator = proposal.stream().filter(item -> "INDICATOR".equals(item.get("kind"))).findFirst().orElseThrow();
        Map guidance = proposal.stream().filter(item -> "指导思想".equals(item.get("text"))).findFirst().orElseThrow();

        fields.put("review", review(sha, proposal, item -> {
            Map<String, Object> decision = new LinkedHashMap<>();
            decision.put("id", item.get("id"));
            if (item == first) {
                decision.put("action", "CORRECT");
                decision.put("lead", "市卫生健康委");
                decision.put("coUnits", List.of("市财政局"));
                decision.put("dueDate", "2025-06-30");
            } else {
                decision.put("action", item == firstIndicator || item == guidance ? "DROP" : "KEEP");
            }
            return decision;
        }));
        ResponseEntity<Map> imported = upload(http, "supervisor", "ziyang.docx", content, fields);
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.CREATED);

        ExpectedPlan.Outcome tree = ExpectedPlan.ofTree(tree((String) imported.getBody().get("planId")));
        assertThat(tree.tasks()).hasSize(10);
        assertThat(tree.tasks().get(0).lead()).isEqualTo("市卫生健康委");
        assertThat(tree.tasks().get(0).coUnits()).containsExactly("市财政局");
        assertThat(tree.tasks().get(0).dueDate()).isEqualTo("2025-06-30");
        assertThat(tree.tasks().get(4).lead()).isEqualTo("市经济和信息化局");
        assertThat(tree.tasks().get(1).coUnits()).contains("各县（区）人民政府");
        assertThat(tree.sections()).extracting(ExpectedPlan.Section::title).doesNotContain("指导思想");
        assertThat(tree.indicators()).hasSize(ziyang.indicators().size() - 1)
                .extracting(ExpectedPlan.Indicator::target).contains("70%".equals(firstIndicator.get("target"))
                        ? "3个以上" : "70%", "5.5亿元");
        assertThat(tree.indicators()).allSatisfy(indicator -> assertThat(indicator.task()).isNotNull());

        List<Map> units = List.of(http.withBasicAuth("auditor", "duban").getForObject("/api/units", Map[].class));
        assertThat(units).filteredOn(unit -> "各县（区）人民政府".equals(unit.get("name"))).singleElement()
                .satisfies(unit -> assertThat(unit.get("collective")).isEqualTo(true));
    }

    @Test
    void a_review_that_cannot_be_read_or_applied_is_refused_with_what_is_wrong_and_changes_nothing() {
        ExpectedPlan ziyang = ExpectedPlan.all("text").stream().filter(p -> p.name().equals("ziyang")).findFirst()
                .orElseThrow();
        byte[] content = content(ziyang, "txt");
        Map<String, String> fields = fields("ziyang-hostile.txt");
        Map dry = upload(http, "supervisor", "ziyang.txt", content, PlanImportIT.withDryRun(fields)).getBody();
        List<Map> proposal = (List<Map>) dry.get("proposal");
        String sha = (String) dry.get("sha256");

        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\"items\": [", "400");
        cases.put("{\"items\": [{\"id\": \"t1\", \"action\": \"MAYBE\"}]}", "400");
        cases.put("{\"items\": [{\"id\": \"t1\", \"action\": \"KEEP\", \"colour\": \"red\"}]}", "400");
        cases.put(review(sha, proposal, item -> Map.of("id", item.get("id").equals("t1") ? "t999" : item.get("id"),
                "action", "KEEP")), "422");
        cases.put(review(sha, proposal, item -> item.get("id").equals("t1")
                ? Map.of("id", "t1", "action", "CORRECT", "lead", "单".repeat(5000))
                : Map.of("id", item.get("id"), "action", "KEEP")), "422");
        cases.put(review(sha, proposal, item -> item.get("id").equals("t1")
                ? Map.of("id", "t1", "action", "CORRECT", "dueDate", "2040-01-01")
                : Map.of("id", item.get("id"), "action", "KEEP")), "422");
        cases.put(review(sha, proposal, item -> item.get("id").equals("i1")
                ? Map.of("id", "i1", "action", "CORRECT", "target", "很多")
                : Map.of("id", item.get("id"), "action", "KEEP")), "422");
        cases.put(review("0".repeat(64), proposal, item -> Map.of("id", item.get("id"), "action", "KEEP")), "422");
        cases.forEach((review, status) -> {
            fields.put("review", review);
            ResponseEntity<Map> refused = upload(http, "supervisor", "ziyang.txt", content, fields);
            assertThat(refused.getStatusCode().value()).as("%s → %s", review.length() > 200 ? review.substring(0, 200)
                    : review, refused.getBody()).isEqualTo(Integer.parseInt(status));
        });
        assertThat(plansTitled(fields.get("title"))).isEmpty();

        // a field written as a nested path is no way into the form: the dry run answers as without it
        Map<String, String> nested = PlanImportIT.withDryRun(fields("ziyang-nested.txt"));
        nested.put("review.t1.action", "KEEP");
        nested.put("title.bytes", "x");
        nested.put("issueDate.year", "1999");
        ResponseEntity<Map> nestedDry = upload(http, "supervisor", "ziyang.txt", content, nested);
        assertThat(nestedDry.getStatusCode()).as("%s", nestedDry.getBody()).isEqualTo(HttpStatus.OK);
    }

    private static String review(String sha256, List<Map> proposal,
                                 Function<Map, Map<String, ?>> decide) {
        List<Map<String, ?>> items = new ArrayList<>();
        proposal.forEach(item -> items.add(decide.apply(item)));
        try {
            return JSON.writeValueAsString(Map.of("sha256", sha256, "items", items));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map tree(String planId) {
        return http.withBasicAuth("auditor", "duban").getForObject("/api/plans/" + planId + "/tree", Map.class);
    }

    private List<Map> plansTitled(String title) {
        return List.of(http.withBasicAuth("auditor", "duban").getForObject("/api/plans", Map[].class)).stream()
                .filter(plan -> title.equals(plan.get("title"))).toList();
    }

    private static Map<String, String> fields(String fileName) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "正文导入 " + fileName + " " + System.nanoTime());
        fields.put("issuer", "资阳市人民政府办公室");
        fields.put("issueDate", "2021-06-21");
        fields.put("startYear", "2021");
        fields.put("endYear", "2030");
        fields.put("jurisdiction", "资阳市");
        return fields;
    }
}
