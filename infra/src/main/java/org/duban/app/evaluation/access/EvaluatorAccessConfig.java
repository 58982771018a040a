package org.duban.app.evaluation.access;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The access filter runs inside the security filter chains only (see SecurityConfig), not again as a servlet filter. */
@Configuration(proxyBeanMethods = false)
class EvaluatorAccessConfig {
    @Bean
    FilterRegistrationBean<EvaluatorAccessFilter> evaluatorAccessFilterOutsideSecurity(EvaluatorAccessFilter filter) {
        FilterRegistrationBean<EvaluatorAccessFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
