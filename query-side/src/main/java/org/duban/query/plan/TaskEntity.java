package org.duban.query.plan;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import org.duban.api.Limits;
import org.duban.api.task.TaskCreated;
import org.duban.api.task.TaskView;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "plan_task")
class TaskEntity {
    @Id
    @Column(name = "task_id")
    String taskId;
    @Column(name = "plan_id")
    String planId;
    @Column(name = "section_id")
    String sectionId;
    int number;
    @Column(length = Limits.ID)
    String code;
    @Column(length = Limits.TASK_TEXT)
    String text;
    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "unitId", column = @Column(name = "lead_unit_id")),
            @AttributeOverride(name = "unitName", column = @Column(name = "lead_unit_name"))})
    UnitRefEmbeddable leadUnit;
    // a plan's rows load their lists in a few statements, not one each (a plan tree: 94 tasks)
    @BatchSize(size = 128)
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_task_co_unit", joinColumns = @JoinColumn(name = "task_id"))
    @OrderColumn(name = "position")
    List<UnitRefEmbeddable> coUnits = new ArrayList<>();
    @Column(name = "due_date")
    LocalDate dueDate;
    @Column(length = 2000)
    String remark;

    protected TaskEntity() {
    }

    TaskEntity(TaskCreated event) {
        this.taskId = event.taskId();
        this.planId = event.planId();
        this.sectionId = event.sectionId();
        this.number = event.number();
        this.code = event.code();
        this.text = event.text();
        this.leadUnit = new UnitRefEmbeddable(event.leadUnit());
        this.coUnits = UnitRefEmbeddable.of(event.coUnits());
        this.dueDate = event.dueDate();
        this.remark = event.remark();
    }

    TaskView toView() {
        return new TaskView(taskId, planId, sectionId, number, code, text, leadUnit.toRef(),
                UnitRefEmbeddable.refs(coUnits), dueDate, remark);
    }
}
