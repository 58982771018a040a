package org.duban.query.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "plan_section")
class SectionEntity {
    @Id
    @Column(name = "section_id")
    String sectionId;
    @Column(name = "plan_id")
    String planId;
    @Column(name = "parent_section_id")
    String parentSectionId;
    int level;
    String code;
    String title;
    int position;

    protected SectionEntity() {
    }

    SectionEntity(String sectionId, String planId, String parentSectionId, int level, String code, String title,
                  int position) {
        this.sectionId = sectionId;
        this.planId = planId;
        this.parentSectionId = parentSectionId;
        this.level = level;
        this.code = code;
        this.title = title;
        this.position = position;
    }
}
