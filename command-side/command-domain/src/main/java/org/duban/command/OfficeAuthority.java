package org.duban.command;

import org.duban.api.NotAuthorized;
import org.duban.api.Role;

/**
 * Who may act for the office that supervises a plan: its supervisors, administrators, and the system itself (timers
 * and the daily opening of periods act on the plan's behalf). The actor comes from the command's metadata, which the
 * application sets from the signed-in user at dispatch.
 */
public final class OfficeAuthority {
    private OfficeAuthority() {
    }

    /**
     * @param office the supervising office, or null for a plan recorded before plans named one (any supervisor then)
     */
    public static void require(String office, String actorRole, String actorUnit, String what) {
        Role role = role(actorRole);
        if (role == Role.ADMIN || role == Role.SYSTEM) {
            return;
        }
        if (role == Role.SUPERVISOR && (office == null || office.equals(actorUnit))) {
            return;
        }
        throw new NotAuthorized("office.not-supervisor", "only a supervisor of " + (office == null ? "the plan's office"
                : office) + " or an administrator may " + what + (actorUnit == null ? "" : "; you act for " + actorUnit));
    }

    public static void requireAdmin(String actorRole, String what) {
        Role role = role(actorRole);
        if (role != Role.ADMIN && role != Role.SYSTEM) {
            throw new NotAuthorized("admin-only", "only an administrator may " + what);
        }
    }

    /** Messages without an actor are the system's (see ActorMetadataInterceptor). */
    private static Role role(String actorRole) {
        if (actorRole == null) {
            return Role.SYSTEM;
        }
        try {
            return Role.valueOf(actorRole);
        } catch (IllegalArgumentException e) {
            return Role.UNIT_USER;
        }
    }
}
