package org.duban.app.evaluation.access;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What an evaluator's account bound to round r-1 reaches while the round is open. */
class EvaluatorAccessFilterTest {
    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "GET,  /api/evaluation/rounds/r-1,                     true",
            "GET,  /api/evaluation/rounds/r-1/sheet,               true",
            "POST, /api/evaluation/rounds/r-1/scores,              true",
            "POST, /api/evaluation/rounds/r-1/conflicts,           true",
            "POST, /api/evaluation/rounds/r-1/scoring/complete,    true",
            "GET,  /evaluation/rounds/r-1,                         true",
            "GET,  /evaluation/rounds/r-1/scoring,                 true",
            "POST, /evaluation/rounds/r-1/scores,                  true",
            "GET,  /api/evaluation/rounds/r-1/results,             false",
            "GET,  /api/evaluation/rounds/r-1/score-sheet.xlsx,    false",
            "GET,  /api/evaluation/rounds/r-1/report.docx,         false",
            "POST, /api/evaluation/rounds/r-1/calibrations,        false",
            "POST, /api/evaluation/rounds/r-1/publish,             false",
            "GET,  /api/evaluation/rounds/r-1/evaluators/x/password, false",
            "POST, /api/evaluation/rounds/r-1/sheet,               false",
            "GET,  /api/evaluation/rounds/r-1/scores,              false",
            "GET,  /api/evaluation/rounds/r-10,                    false",
            "GET,  /api/evaluation/rounds/r-2,                     false",
            "GET,  /api/evaluation/rounds,                         false",
            "GET,  /evaluation/rounds/r-1/results,                 false",
            "GET,  /evaluation/rounds/r-2/scoring,                 false",
            "GET,  /api/plans,                                     false",
            "GET,  /api/audit/events,                              false",
            "GET,  /inbox,                                         false",
    })
    void only_its_rounds_scoring(String method, String path, boolean allowed) {
        assertThat(EvaluatorAccessFilter.allowed(path, "r-1", method.equals("GET"))).isEqualTo(allowed);
    }
}
