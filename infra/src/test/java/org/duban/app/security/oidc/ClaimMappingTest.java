package org.duban.app.security.oidc;

import org.duban.api.Role;
import org.duban.app.security.DubanUser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClaimMappingTest {

    private final ClaimMapping mapping = ClaimMapping.DEFAULTS;

    @Test
    void aUnitUsersTokenBecomesTheSameUserAsALocalAccount() {
        DubanUser user = mapping.user(Map.of("preferred_username", "health", "name", "张三",
                "duban_role", "unit_user", "duban_unit", "区卫生健康委"));
        assertThat(user.getUsername()).isEqualTo("health");
        assertThat(user.displayName()).isEqualTo("张三");
        assertThat(user.role()).isEqualTo(Role.UNIT_USER);
        assertThat(user.unit()).isEqualTo("区卫生健康委");
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_UNIT_USER");
    }

    @Test
    void everyDubanRoleButTheSystemIsMapped() {
        for (Role role : List.of(Role.ADMIN, Role.SUPERVISOR, Role.UNIT_USER, Role.EVALUATOR, Role.AUDITOR)) {
            DubanUser user = mapping.user(Map.of("preferred_username", "u", "duban_role", role.name().toLowerCase(),
                    "duban_unit", "某单位"));
            assertThat(user.role()).isEqualTo(role);
        }
        assertThatThrownBy(() -> mapping.user(Map.of("preferred_username", "u", "duban_role", "system")))
                .isInstanceOf(ClaimMapping.Refused.class);
    }

    @Test
    void officeWideRolesNeedNoUnit() {
        assertThat(mapping.user(Map.of("preferred_username", "admin", "duban_role", "ADMIN")).unit()).isNull();
        assertThat(mapping.user(Map.of("preferred_username", "auditor", "duban_role", "auditor")).role())
                .isEqualTo(Role.AUDITOR);
    }

    @Test
    void aUnitUserOrSupervisorWithoutAUnitIsRefusedNamingTheClaim() {
        for (String role : List.of("unit_user", "supervisor")) {
            assertThatThrownBy(() -> mapping.user(Map.of("preferred_username", "x", "duban_role", role)))
                    .isInstanceOfSatisfying(ClaimMapping.Refused.class,
                            refused -> assertThat(refused.claim()).isEqualTo("duban_unit"));
        }
    }

    @Test
    void aTokenWithoutRoleOrWithAnUnknownRoleIsRefusedNamingTheClaim() {
        assertThatThrownBy(() -> mapping.user(Map.of("preferred_username", "x")))
                .isInstanceOfSatisfying(ClaimMapping.Refused.class,
                        refused -> assertThat(refused.claim()).isEqualTo("duban_role"));
        assertThatThrownBy(() -> mapping.user(Map.of("preferred_username", "x", "duban_role", "janitor")))
                .isInstanceOfSatisfying(ClaimMapping.Refused.class,
                        refused -> assertThat(refused.getMessage()).contains("duban_role"));
    }

    @Test
    void aRefusedClaimIsToldAsThePartOfThePersonItStandsFor() {
        ClaimMapping renamed = new ClaimMapping("login", "display", "realm_access.roles", "org");
        assertThat(renamed.partNamedBy("realm_access.roles")).isEqualTo("role");
        assertThat(renamed.partNamedBy("org")).isEqualTo("unit");
        assertThat(renamed.partNamedBy("login")).isEqualTo("username");
        assertThat(renamed.partNamedBy("display")).isEqualTo("name");
        assertThat(renamed.partNamedBy("duban_role")).as("a name this mapping does not use").isEqualTo("other");
    }

    @Test
    void keycloakRealmRolesAreReadThroughADottedPath() {
        ClaimMapping keycloak = new ClaimMapping("preferred_username", "name", "realm_access.roles", "duban_unit");
        DubanUser user = keycloak.user(Map.of("preferred_username", "supervisor",
                "realm_access", Map.of("roles", List.of("offline_access", "uma_authorization", "duban-supervisor")),
                "duban_unit", "区政府督查室"));
        assertThat(user.role()).isEqualTo(Role.SUPERVISOR);
        assertThat(user.unit()).isEqualTo("区政府督查室");
    }

    @Test
    void withoutAPreferredUsernameTheSubjectNamesTheUser() {
        DubanUser user = mapping.user(Map.of("sub", "f1c2", "duban_role", "admin"));
        assertThat(user.getUsername()).isEqualTo("f1c2");
        assertThat(user.displayName()).isEqualTo("f1c2");
    }
}
