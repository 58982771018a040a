package org.duban.api;

/**
 * Keys of the metadata every command carries and every event inherits from it.
 * The acting user is recorded on the message itself so that the event store alone can answer
 * "who did this, for which unit, in which role, why, and through which workflow step".
 */
public final class MetadataKeys {
    public static final String ACTOR_USER = "actorUser";
    public static final String ACTOR_UNIT = "actorUnit";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String REASON = "reason";
    /** Correlation id of the HTTP request (or job) that started the chain of messages. */
    public static final String CORRELATION_ID = "correlationId";
    /** Id of the message that directly caused this one (Axon's message origin). */
    public static final String CAUSATION_ID = "causationId";
    public static final String TRACE_ID = "traceId";
    public static final String PROCESS_INSTANCE_ID = "processInstanceId";
    public static final String USER_TASK_ID = "userTaskId";

    /** Metadata keys copied from a command to the events it causes. */
    public static final String[] PROPAGATED = {
            ACTOR_USER, ACTOR_UNIT, ACTOR_ROLE, REASON, CORRELATION_ID, PROCESS_INSTANCE_ID, USER_TASK_ID
    };

    /** The actor of messages sent by the system itself (timers, start-up), not by a person. */
    public static final String SYSTEM_ACTOR = "system";

    private MetadataKeys() {
    }
}
