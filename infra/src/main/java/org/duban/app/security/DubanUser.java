package org.duban.app.security;

import org.duban.api.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.List;

/** A signed-in person: the account, the unit they act for (none for office-wide roles) and their role. */
public class DubanUser extends User {
    private final String displayName;
    private final String unit;
    private final Role role;

    public DubanUser(String username, String password, String displayName, String unit, Role role) {
        super(username, password, List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        this.displayName = displayName;
        this.unit = unit;
        this.role = role;
    }

    public String displayName() {
        return displayName;
    }

    public String unit() {
        return unit;
    }

    public Role role() {
        return role;
    }
}
