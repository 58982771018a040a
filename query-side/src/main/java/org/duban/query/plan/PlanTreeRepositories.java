package org.duban.query.plan;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface SectionRepository extends JpaRepository<SectionEntity, String> {
    List<SectionEntity> findByPlanIdOrderByLevelAscPositionAsc(String planId);
}

interface TaskRepository extends JpaRepository<TaskEntity, String> {
    List<TaskEntity> findByPlanIdOrderByNumber(String planId);

    List<TaskEntity> findByLeadUnitUnitIdOrderByPlanIdAscNumberAsc(String unitId);

    @Query("select distinct t from TaskEntity t join t.coUnits c where c.unitId = ?1 order by t.planId, t.number")
    List<TaskEntity> findWithCoUnit(String unitId);
}

interface IndicatorRepository extends JpaRepository<IndicatorEntity, String> {
    List<IndicatorEntity> findByPlanIdOrderByNumber(String planId);
}

interface PlanImportRepository extends JpaRepository<PlanImportEntity, String> {
    List<PlanImportEntity> findByPlanIdOrderByImportedAt(String planId);
}
