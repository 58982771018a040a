package org.duban.query.plan;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface PlanSummaryRepository extends JpaRepository<PlanSummaryEntity, String> {
    List<PlanSummaryEntity> findAllByOrderByCreatedAtDesc();
}
