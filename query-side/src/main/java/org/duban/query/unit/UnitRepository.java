package org.duban.query.unit;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface UnitRepository extends JpaRepository<UnitEntity, String> {
    List<UnitEntity> findAllByOrderByName();
}
