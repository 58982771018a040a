package org.duban.app.evaluation.report;

import org.duban.app.security.DubanUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The published round's score sheet (.xlsx) and evaluation report (.docx) as downloads: 404 for an unknown round, 403
 * for evaluators, units and other offices' supervisors, 409 before the results are published.
 */
@RestController
class EvaluationOutputsApi {
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final EvaluationOutputs outputs;

    EvaluationOutputsApi(EvaluationOutputs outputs) {
        this.outputs = outputs;
    }

    @GetMapping("/api/evaluation/rounds/{roundId}/score-sheet.xlsx")
    ResponseEntity<byte[]> scoreSheet(@PathVariable String roundId, @AuthenticationPrincipal DubanUser user, Locale locale) {
        return download(outputs.scoreSheet(roundId, user, locale), XLSX);
    }

    @GetMapping("/api/evaluation/rounds/{roundId}/report.docx")
    ResponseEntity<byte[]> report(@PathVariable String roundId, @AuthenticationPrincipal DubanUser user) {
        return download(outputs.report(roundId, user), DOCX);
    }

    static ResponseEntity<byte[]> download(EvaluationOutputs.Document document, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(document.content());
    }
}
