package org.duban.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.duban.api.Role;
import org.duban.app.web.ApiRequestFilter;
import org.duban.app.web.Problems;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who may call what. The JSON API, the Camunda engine REST API and the actuator use HTTP Basic and answer
 * 401 without a redirect; pages use a form login. Camunda's Cockpit and Tasklist keep their own login. On the
 * {@code oidc} profile {@link OidcSecurityConfig} signs people in instead, with the same rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    @Profile("!" + OidcSecurityConfig.PROFILE)
    UserDetailsService accounts(AccountProperties properties, List<AccountSource> sources) {
        Map<String, AccountProperties.Account> byName = properties.accounts().stream()
                .collect(Collectors.toUnmodifiableMap(AccountProperties.Account::username, Function.identity()));
        return username -> {
            AccountProperties.Account account = byName.get(username);
            if (account == null) {
                return fromSources(sources, username);
            }
            return new DubanUser(account.username(), account.password(), account.displayName(), account.unit(),
                    account.role());
        };
    }

    static DubanUser fromSources(List<AccountSource> sources, String username) {
        return sources.stream().map(source -> source.find(username)).flatMap(java.util.Optional::stream)
                .findFirst().orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @Bean
    @Order(1)
    @Profile("!" + OidcSecurityConfig.PROFILE)
    SecurityFilterChain machineApis(HttpSecurity http, List<AccountRestriction> restrictions) throws Exception {
        machineApiRules(http, restrictions)
                .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfig::unauthorized))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(SecurityConfig::unauthorized));
        return http.build();
    }

    @Bean
    @Order(2)
    @Profile("!" + OidcSecurityConfig.PROFILE)
    SecurityFilterChain pages(HttpSecurity http, List<AccountRestriction> restrictions) throws Exception {
        pageRules(http, restrictions)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                .logout(Customizer.withDefaults());
        return http.build();
    }

    /**
     * The JSON API, the engine REST API and the actuator, whoever signs in and however: who reaches what, 401/403
     * as problems, JSON-only changes, no session and no CSRF token (stateless calls carry no cookie a forged page
     * could ride on).
     */
    static HttpSecurity machineApiRules(HttpSecurity http, List<AccountRestriction> restrictions) throws Exception {
        // Path patterns, not MVC matchers: the engine REST API is served by Jersey, outside Spring MVC.
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/engine-rest/**"),
                        path.matcher("/actuator/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(Role.ADMIN.name())
                        .requestMatchers(path.matcher("/engine-rest/**")).hasRole(Role.ADMIN.name())
                        .requestMatchers(SecurityConfig::changes).access(notAuditor())
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors.accessDeniedHandler(SecurityConfig::forbidden))
                // JSON-only changes, and none from another site; uploads are read only for those allowed to send them
                .addFilterAfter(new ApiRequestFilter(),
                        AuthorizationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        restrictions.forEach(restriction -> http.addFilterAfter(restriction, AuthorizationFilter.class));
        return http;
    }

    /** The pages, however people sign in: what is public, the auditor rule, CSRF. */
    static HttpSecurity pageRules(HttpSecurity http, List<AccountRestriction> restrictions) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // Cockpit and Tasklist authenticate against Camunda's own identity service.
                        .requestMatchers("/camunda/**").permitAll()
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        // the API description is public, like the source it is generated from
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers(SecurityConfig::changes).access(notAuditor())
                        .anyRequest().authenticated())
                // Camunda's webapps protect themselves with their own CSRF filter.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"));
        restrictions.forEach(restriction -> http.addFilterAfter(restriction, AuthorizationFilter.class));
        return http;
    }

    static void forbidden(HttpServletRequest request, HttpServletResponse response,
                          org.springframework.security.access.AccessDeniedException denied) throws IOException {
        Problems.write(request, response, HttpStatus.FORBIDDEN, "you may not do this", Map.of());
    }

    /** 401 with a problem body, and no {@code WWW-Authenticate} challenge that would make a browser ask. */
    private static void unauthorized(HttpServletRequest request,
                                     HttpServletResponse response,
                                     AuthenticationException failure)
            throws IOException {
        Problems.write(request, response, HttpStatus.UNAUTHORIZED,
                "sign in with HTTP Basic: a Duban account and its password", Map.of());
    }

    /** Whether a request may change something: anything but a read. */
    private static boolean changes(HttpServletRequest request) {
        return !Set.of("GET", "HEAD", "OPTIONS").contains(request.getMethod());
    }

    /**
     * An auditor reads everything and changes nothing, whatever an endpoint's own checks say: every request that
     * may change something is refused to the role (signing out is handled before this rule).
     */
    private static AuthorizationManager<
            RequestAuthorizationContext> notAuditor() {
        return (authentication, context) -> {
            var who = authentication.get();
            return new AuthorizationDecision(who != null
                    && who.isAuthenticated()
                    && !(who instanceof AnonymousAuthenticationToken)
                    && who.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals("ROLE_" + Role.AUDITOR.name())));
        };
    }
}
