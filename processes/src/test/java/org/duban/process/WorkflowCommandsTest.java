package org.duban.process;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.duban.api.MetadataKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class WorkflowCommandsTest {
    private final CommandGateway gateway = mock(CommandGateway.class);
    private final WorkflowCommands commands = new WorkflowCommands(gateway);

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_step_the_process_takes_by_itself_is_sent_as_the_system_and_the_user_is_signed_in_again_after() {
        Authentication unitUser = new TestingAuthenticationToken("health", "x");
        SecurityContextHolder.getContext().setAuthentication(unitUser);
        List<Authentication> seen = new ArrayList<>();
        List<CommandMessage<?>> sent = new ArrayList<>();
        when(gateway.sendAndWait(any(CommandMessage.class))).thenAnswer(invocation -> {
            seen.add(SecurityContextHolder.getContext().getAuthentication());
            sent.add(invocation.getArgument(0));
            return true;
        });

        Boolean answer = commands.sendAsSystem("close the phase", "process-1", "closeSelfAssessment");

        assertThat(answer).isTrue();
        assertThat(seen).containsExactly((Authentication) null);
        assertThat(sent.get(0).getMetaData()).containsEntry(MetadataKeys.PROCESS_INSTANCE_ID, "process-1")
                .containsEntry(MetadataKeys.USER_TASK_ID, "closeSelfAssessment")
                .doesNotContainKey(MetadataKeys.ACTOR_USER);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isSameAs(unitUser);
    }
}
