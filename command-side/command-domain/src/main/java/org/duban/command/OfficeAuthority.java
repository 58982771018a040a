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
     * The one rule, for the aggregates and for whoever decides what to show before sending a command.
     *
     * @param office the supervising office, or null for a plan recorded before plans named one (any supervisor then)
     * @param role   the actor's role
     * @param unit   the unit the actor acts for (a supervisor's office)
     */
    public static boolean mayAct(String office, Role role, String unit) {
        if (role == Role.ADMIN || role == Role.SYSTEM) {
            return true;
        }
        return role == Role.SUPERVISOR && (office == null || office.equals(unit));
    }

    /**
     * @param office the supervising office, or null for a plan recorded before plans named one (any supervisor then)
     */
    public static void require(String office, String actorRole, String actorUnit, String what) {
        if (!mayAct(office, role(actorRole), actorUnit)) {
            throw new NotAuthorized("office.not-supervisor", "only a supervisor of " + (office == null
                    ? "the plan's office" : office) + " or an administrator may " + what
                    + (actorUnit == null ? "" : "; you act for " + actorUnit));
        }
    }

    public static void requireAdmin(String actorRole, String what) {
        Role role = role(actorRole);
        if (role != Role.ADMIN && role != Role.SYSTEM) {
            throw new NotAuthorized("admin-only", "only an administrator may " + what);
        }
    }

    /** Whether a person (not a timer or the system's own opening) sent the command. */
    public static boolean byPerson(String actorRole) {
        return role(actorRole) != Role.SYSTEM;
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
