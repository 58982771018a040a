package org.duban.app.evaluation.access;

import org.duban.app.security.DubanUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A third-party evaluator's account over HTTP: the round's supervisor issues its password, answered once. 404 for an
 * unknown round, 403 for anyone but the round's office's supervisors and administrators, 409 (with a code) for a
 * username that is not a third party appointed to the round, is taken, or a round that has ended.
 */
@RestController
class EvaluatorAccountApi {
    private final EvaluatorAccountIssuer issuer;

    EvaluatorAccountApi(EvaluatorAccountIssuer issuer) {
        this.issuer = issuer;
    }

    /** @param password shown once: only its hash is kept */
    record Issued(String username, String password) {
    }

    @PostMapping("/api/evaluation/rounds/{roundId}/evaluators/{username}/password")
    Issued issue(@PathVariable String roundId, @PathVariable String username, @AuthenticationPrincipal DubanUser user) {
        return new Issued(username, issuer.issue(roundId, username, user));
    }
}
