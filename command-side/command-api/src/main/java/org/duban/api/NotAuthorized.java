package org.duban.api;

/**
 * A refusal because of who acts, not of what is asked: for example a supervisor of another office acting on a plan.
 * Answered as 403; like every refusal it changes nothing.
 */
public class NotAuthorized extends CommandRefused {
    public NotAuthorized(String code, String message) {
        super(code, message);
    }
}
