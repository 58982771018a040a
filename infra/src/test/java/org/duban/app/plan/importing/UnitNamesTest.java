package org.duban.app.plan.importing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit lists as the gazettes write them. */
class UnitNamesTest {

    @Test
    void a_list_ending_in_deng_bumen_names_its_departments_and_the_first_leads() {
        assertThat(UnitNames.split("市发展改革委、市财政局等部门")).containsExactly("市发展改革委", "市财政局");
        assertThat(UnitNames.split("市卫生健康委及有关单位")).containsExactly("市卫生健康委");
        assertThat(UnitNames.notes("市发展改革委、市财政局等部门")).contains("市发展改革委、市财政局等部门");
        assertThat(UnitNames.notes("市发展改革委、市财政局")).isNull();
    }

    @Test
    void a_unit_marked_as_leading_leads_wherever_it_is_listed() {
        assertThat(UnitNames.split("市财政局、市发展改革委（牵头）")).containsExactly("市发展改革委", "市财政局");
        assertThat(UnitNames.split("市发展改革委牵头，市财政局、各区县政府按职责分工负责"))
                .containsExactly("市发展改革委", "市财政局", "各区县政府");
    }

    @Test
    void a_defining_remark_with_a_comma_stays_with_its_unit_which_is_the_known_collective() {
        String written = "各区县（自治县，以下简称区县）政府";
        assertThat(UnitNames.split(written + "、市级有关部门")).containsExactly("各区县政府", "市级有关部门");
        assertThat(UnitNames.notes(written)).contains(written);
        assertThat(UnitNames.canonicalName(written)).isEqualTo("各区县政府");
        assertThat(UnitNames.isCollective(written)).isTrue();
        assertThat(UnitNames.isCollective("市级有关部门")).isTrue();
        assertThat(UnitNames.isCollective("各有关单位")).isTrue();
    }

    @Test
    void parentheses_that_are_part_of_a_name_are_kept_and_a_trailing_other_name_is_an_alias() {
        assertThat(UnitNames.split("市卫生健康委，各县（区）人民政府")).containsExactly("市卫生健康委", "各县（区）人民政府");
        assertThat(UnitNames.canonicalName("各县（区）人民政府")).isEqualTo("各县（区）人民政府");
        assertThat(UnitNames.canonicalName("区卫生健康委（区疾控局）")).isEqualTo("区卫生健康委");
        assertThat(UnitNames.isCollective("市发展改革委")).isFalse();
    }

    @Test
    void places_listed_before_one_government_each_mean_that_places_government() {
        assertThat(UnitNames.split("市发展改革委、永川区、北碚区、江津区、铜梁区政府"))
                .containsExactly("市发展改革委", "永川区政府", "北碚区政府", "江津区政府", "铜梁区政府");
        assertThat(UnitNames.split("璧山区政府")).containsExactly("璧山区政府");
        assertThat(UnitNames.split("市卫生健康委、各区县政府")).containsExactly("市卫生健康委", "各区县政府");
    }
}
