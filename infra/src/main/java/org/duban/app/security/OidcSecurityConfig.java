package org.duban.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.app.security.oidc.ClaimMapping;
import org.duban.app.security.oidc.ClaimsRefused;
import org.duban.app.security.oidc.OidcUsers;
import org.duban.app.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Profile {@code oidc} (docs/SIGN-IN.md): people sign in to the pages through the OpenID Connect provider
 * (authorization code flow) and the API takes the provider's bearer tokens (JWT, checked against its JWKS, issuer,
 * expiry and audience). Both become the {@link DubanUser} a local account gives, through {@link ClaimMapping}, so
 * every rule after sign-in is the same as on the default profile. The configured demo accounts do not sign in here;
 * third-party evaluators' round-bound accounts still do, with the form and with HTTP Basic, since the provider knows
 * nothing of them.
 */
@Configuration(proxyBeanMethods = false)
@Profile(OidcSecurityConfig.PROFILE)
class OidcSecurityConfig {
    static final String PROFILE = "oidc";
    /** The client registration in application-oidc.yml. */
    static final String REGISTRATION = "duban";

    @Bean
    ClaimMapping claimMapping(Environment environment) {
        ClaimMapping defaults = ClaimMapping.DEFAULTS;
        String prefix = "duban.security.oidc.claims.";
        return new ClaimMapping(environment.getProperty(prefix + "username", defaults.username()),
                environment.getProperty(prefix + "name", defaults.name()),
                environment.getProperty(prefix + "role", defaults.role()),
                environment.getProperty(prefix + "unit", defaults.unit()));
    }

    @Bean
    OidcUsers oidcUsers(ClaimMapping mapping, QueryGateway queries) {
        return new OidcUsers(mapping, queries);
    }

    /** Only the accounts kept outside the configuration (evaluators bound to a round) sign in locally. */
    @Bean
    UserDetailsService roundAccounts(List<AccountSource> sources) {
        return username -> SecurityConfig.fromSources(sources, username);
    }

    @Bean
    @Order(1)
    SecurityFilterChain machineApis(HttpSecurity http, List<AccountRestriction> restrictions, OidcUsers users)
            throws Exception {
        SecurityConfig.machineApiRules(http, restrictions)
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(users.bearer()))
                        .authenticationEntryPoint(OidcSecurityConfig::refused)
                        .accessDeniedHandler(SecurityConfig::forbidden)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                // the default hands a provider that cannot be reached to the container as a 500
                                filter.setAuthenticationFailureHandler(OidcSecurityConfig::refused);
                                return filter;
                            }
                        }))
                .httpBasic(basic -> basic.authenticationEntryPoint(OidcSecurityConfig::refused))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(OidcSecurityConfig::refused));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, List<AccountRestriction> restrictions, OidcUsers users,
                              ClientRegistrationRepository registrations) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        // back to the sign-in page; also where a provider without end_session_endpoint and local accounts end
        logout.setPostLogoutRedirectUri("{baseUrl}/login?logout");
        logout.setDefaultTargetUrl("/login?logout");
        SecurityConfig.pageRules(http, restrictions)
                .oauth2Login(login -> login
                        .loginPage("/login")
                        .userInfoEndpoint(info -> info.oidcUserService(users.signIn()))
                        .defaultSuccessUrl("/", false)
                        .failureHandler((request, response, failure) -> response.sendRedirect(
                                failedSignIn(request, failure))))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                // pages go straight to the provider; the sign-in page is there for evaluators' accounts
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                        new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION)))
                .logout(out -> out.logoutSuccessHandler(logout));
        return http.build();
    }

    /** The sign-in page, saying which claim stood for no Duban user if that was why. */
    private static String failedSignIn(HttpServletRequest request, AuthenticationException failure) {
        UriComponentsBuilder page = UriComponentsBuilder.fromPath(request.getContextPath() + "/login");
        if (failure.getCause() instanceof ClaimsRefused refused) {
            page.queryParam("refused", refused.claim());
        } else {
            page.queryParam("error");
        }
        return page.encode().build().toUriString();
    }

    /**
     * 401 for a request without a usable token (none, bad signature, another issuer or audience, expired), 403 for a
     * genuine token whose claims stand for no Duban user, naming the claim; no {@code WWW-Authenticate} challenge.
     */
    private static void refused(HttpServletRequest request, HttpServletResponse response,
                                AuthenticationException failure) throws IOException {
        if (failure instanceof ClaimsRefused refused) {
            Problems.write(request, response, HttpStatus.FORBIDDEN, refused.getMessage(),
                    Map.of("code", "oidc.claim-refused", "claim", refused.claim()));
        } else if (failure instanceof AuthenticationServiceException) {
            Problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
                    "the identity provider could not be reached to check the token; try again later", Map.of());
        } else {
            Problems.write(request, response, HttpStatus.UNAUTHORIZED,
                    "sign in with a bearer token from the identity provider" + (failure == null
                            || failure.getMessage() == null ? "" : ": " + failure.getMessage()), Map.of());
        }
    }
}
