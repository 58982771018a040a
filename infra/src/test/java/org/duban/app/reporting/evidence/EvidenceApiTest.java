package org.duban.app.reporting.evidence;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvidenceApiTest {

    @Test
    void the_application_does_not_start_when_the_servlet_would_cut_off_uploads_before_the_evidence_check() {
        MultipartProperties multipart = new MultipartProperties();
        multipart.setMaxFileSize(DataSize.ofMegabytes(10));
        multipart.setMaxRequestSize(DataSize.ofMegabytes(11));

        assertThatThrownBy(() -> new EvidenceApi(null, new EvidenceProperties(DataSize.ofMegabytes(10)), multipart, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("duban.evidence.max-file-size (10 MB) must be smaller than "
                        + "spring.servlet.multipart.max-file-size (10 MB) and max-request-size (11 MB)");
    }

    @Test
    void unlimited_or_larger_servlet_limits_let_every_upload_reach_the_check() {
        MultipartProperties multipart = new MultipartProperties();
        multipart.setMaxFileSize(DataSize.ofMegabytes(64));
        multipart.setMaxRequestSize(DataSize.ofBytes(-1));

        assertThatCode(() -> new EvidenceApi(null, new EvidenceProperties(DataSize.ofMegabytes(10)), multipart, null))
                .doesNotThrowAnyException();
    }
}
