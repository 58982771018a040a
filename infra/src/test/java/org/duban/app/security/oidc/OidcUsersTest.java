package org.duban.app.security.oidc;

import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.Role;
import org.duban.api.unit.ListUnits;
import org.duban.api.unit.UnitIds;
import org.duban.api.unit.UnitView;
import org.duban.app.security.DubanUser;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class OidcUsersTest {
    private final QueryGateway queries = mock(QueryGateway.class);
    private final OidcUsers users = new OidcUsers(ClaimMapping.DEFAULTS, queries);

    OidcUsersTest() {
        UnitView health = new UnitView(UnitIds.of("区卫生健康委"), "区卫生健康委", List.of("卫健委"), false, "大足区");
        when(queries.query(any(ListUnits.class), any(ResponseType.class)))
                .thenAnswer(call -> CompletableFuture.completedFuture(List.of(health)));
    }

    @Test
    void a_unit_users_unit_given_by_an_alias_becomes_the_registered_name_that_access_checks_compare() {
        DubanUser user = users.user(Map.of("preferred_username", "health", "duban_role", "unit_user",
                "duban_unit", "卫健委"));
        assertThat(user.unit()).isEqualTo("区卫生健康委");
        assertThat(users.user(Map.of("preferred_username", "health", "duban_role", "unit_user",
                "duban_unit", "区卫生健康委")).unit()).isEqualTo("区卫生健康委");
        // a unit once seen registered is not looked up again
        verify(queries, times(1)).query(any(ListUnits.class), any(ResponseType.class));
    }

    @Test
    void an_unregistered_unit_of_a_unit_user_is_refused_naming_the_claim() {
        assertThatThrownBy(() -> users.user(Map.of("preferred_username", "ghost", "duban_role", "unit_user",
                "duban_unit", "不存在的单位")))
                .isInstanceOfSatisfying(ClaimMapping.Refused.class, refused -> {
                    assertThat(refused.claim()).isEqualTo("duban_unit");
                    assertThat(refused.getMessage()).contains("不存在的单位", "duban_unit");
                });
    }

    @Test
    void a_supervisors_office_is_taken_as_written_without_asking_the_registry() {
        DubanUser user = users.user(Map.of("preferred_username", "supervisor", "duban_role", "supervisor",
                "duban_unit", "区政府督查室"));
        assertThat(user.role()).isEqualTo(Role.SUPERVISOR);
        assertThat(user.unit()).isEqualTo("区政府督查室");
        verifyNoInteractions(queries);
    }

    @Test
    void a_bearer_tokens_principal_is_the_duban_user_and_a_refusal_is_an_authentication_failure_naming_the_claim() {
        var authentication = users.bearer().convert(jwt(Map.of("preferred_username", "admin", "duban_role", "admin")));
        assertThat(authentication.getPrincipal()).isInstanceOfSatisfying(DubanUser.class,
                user -> assertThat(user.role()).isEqualTo(Role.ADMIN));
        assertThat(authentication.isAuthenticated()).isTrue();
        assertThat(authentication.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");

        assertThatThrownBy(() -> users.bearer().convert(jwt(Map.of("preferred_username", "x"))))
                .isInstanceOfSatisfying(ClaimsRefused.class, refused -> assertThat(refused.claim()).isEqualTo("duban_role"));
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("t").header("alg", "RS256").claims(all -> all.putAll(claims))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    }
}
