package org.duban.app.persistence;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.duban.api.indicator.Direction;
import org.duban.api.indicator.IndicatorDefined;
import org.duban.api.indicator.TargetKind;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.task.TaskCreated;
import org.duban.api.unit.UnitRef;
import org.duban.app.support.DubanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events stored before a field was added still read, with the application's own event serializer: the payloads
 * below are written as the store held them then.
 */
@DubanIntegrationTest
class EventRevisionsIT {
    @Autowired
    @Qualifier("eventSerializer")
    Serializer events;

    private <T> T read(Class<T> type, String revision, String json) {
        return events.deserialize(new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class,
                type.getName(), revision));
    }

    @Test
    void a_task_created_before_printed_numbers_were_kept_reads_without_one() {
        TaskCreated event = read(TaskCreated.class, "1", """
                {"taskId":"t-1","planId":"p-1","sectionId":"s-3","number":12,"text":"做大做强区中医院。",
                 "leadUnit":{"unitId":"unit-1","name":"区卫生健康委"},"coUnits":[{"unitId":"unit-2","name":"区财政局"}],
                 "dueDate":"2025-12-31","remark":null,"planPeriod":{"startYear":2024,"endYear":2027},
                 "supervisingOffice":"区政府督查室"}""");

        assertThat(event).isEqualTo(new TaskCreated("t-1", "p-1", "s-3", 12, null, "做大做强区中医院。",
                new UnitRef("unit-1", "区卫生健康委"), List.of(new UnitRef("unit-2", "区财政局")), LocalDate.of(2025, 12, 31),
                null, new PlanPeriod(2024, 2027), "区政府督查室"));
    }

    @Test
    void an_indicator_defined_before_printed_numbers_and_tasks_were_kept_reads_without_them() {
        IndicatorDefined event = read(IndicatorDefined.class, "1", """
                {"indicatorId":"i-1","planId":"p-1","sectionId":null,"number":3,"name":"中医医疗机构数",
                 "unitOfMeasure":"个","baseline":{"year":2022,"value":1850,"asWritten":"1850"},
                 "target":{"year":2027,"kind":"AT_LEAST","low":2300,"high":null,"percent":false,"asWritten":"≥2300"},
                 "attribute":"EXPECTED","direction":"INCREASE","responsibleUnits":[],"remark":null}""");

        assertThat(event.code()).isNull();
        assertThat(event.taskId()).isNull();
        assertThat(event.number()).isEqualTo(3);
        assertThat(event.name()).isEqualTo("中医医疗机构数");
        assertThat(event.target().kind()).isEqualTo(TargetKind.AT_LEAST);
        assertThat(event.target().low()).isEqualByComparingTo(new BigDecimal("2300"));
        assertThat(event.direction()).isEqualTo(Direction.INCREASE);
    }

    @Test
    void a_task_created_now_keeps_its_printed_number_through_the_store() {
        TaskCreated created = new TaskCreated("t-2", "p-1", null, 4, "（四）", "推进中药产业发展。",
                new UnitRef("unit-1", "市卫生健康委"), List.of(), null, null, new PlanPeriod(2021, 2025), "市政府督查室");

        var stored = events.serialize(created, byte[].class);

        assertThat(stored.getType().getRevision()).isEqualTo("1");
        assertThat(new String(stored.getData(), StandardCharsets.UTF_8)).contains("\"code\":\"（四）\"");
        assertThat((TaskCreated) events.deserialize(stored)).isEqualTo(created);
    }
}
