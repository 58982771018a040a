package org.duban.app.audit.chain;

import io.swagger.v3.oas.annotations.Operation;
import org.duban.app.web.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The chain's head and its verification, for administrators and auditors. */
@RestController
@RequestMapping("/api/audit/chain")
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
class AuditChainApi {
    private final ChainVerifier verifier;
    private final ChainMonitor monitor;
    private final ChainAnchorFile anchors;

    AuditChainApi(ChainVerifier verifier, ChainMonitor monitor, ChainAnchorFile anchors) {
        this.verifier = verifier;
        this.monitor = monitor;
        this.anchors = anchors;
    }

    @Operation(summary = "The chain's last link",
            description = "Position, global index, hash, algorithm and time of the last link. Record "
                    + "\"position:hash\" outside the system; GET .../verification?head=position:hash later proves that "
                    + "nothing up to that link changed.")
    @GetMapping("/head")
    ChainHead head() {
        return verifier.head().orElseThrow(() -> new NotFound("the audit chain has no head row"));
    }

    @Operation(summary = "Verify the chain, or the positions from..to",
            description = "Recomputes every link's hash from the stored event and names the first broken link: an "
                    + "edited event (HASH_MISMATCH), a deleted one (EVENT_MISSING, LINK_MISSING), swapped events "
                    + "(EVENT_REPLACED), a forged one (UNCHAINED_EVENT), a cut-off tail (TAIL_TRUNCATED). Without "
                    + "head, the whole chain is also checked against the last head anchored outside the database "
                    + "(ANCHORED_HEAD_NOT_ON_CHAIN). Answers 200 with intact true or false; 400 for a bad range or head.")
    @GetMapping("/verification")
    ChainVerification verify(@RequestParam(required = false) Long from, @RequestParam(required = false) Long to,
                             @RequestParam(required = false) String head) {
        ChainVerification result = verifier.verify(from, to, head, head == null ? anchors.read() : null);
        monitor.record(result);
        return result;
    }

    /**
     * @param anchor       the last anchor after this call, null when the file has none
     * @param anchored     this call wrote it
     * @param verification the whole-chain verification that preceded it
     */
    record Anchoring(ChainAnchor anchor, boolean anchored, ChainVerification verification) {
    }

    @Operation(summary = "Verify the whole chain now and anchor its head (administrators)",
            description = "What the background verification does every hour: verifies the whole chain against the "
                    + "last anchored head and, when it is intact, appends its head to the anchor file. A broken chain "
                    + "is not anchored (anchored false, the verification names the problem).")
    @PostMapping("/anchor")
    @PreAuthorize("hasRole('ADMIN')")
    Anchoring anchor() {
        ChainAnchor before = anchors.read().last();
        ChainVerification verification = monitor.verifyNow();
        ChainAnchor after = anchors.read().last();
        return new Anchoring(after, after != null && !after.equals(before), verification);
    }
}
