package org.duban.app.task;

import org.duban.app.task.Inbox.Group;
import org.duban.app.task.Inbox.Item;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules that put a step of the inbox in its urgency group, order the inbox and shorten a return's reason. */
class InboxGroupsTest {
    /**
     * The inbox's order as its rule reads: group, then due date; steps due alike in the order of their plan's document
     * (plans by title, then id), then by number and period, then oldest first.
     */
    private static final Comparator<Item> URGENCY = Comparator.comparing(Item::group)
            .thenComparing(Item::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Item::planTitle, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Item::planId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(Item::number)
            .thenComparing(Item::period, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Item::created, Comparator.nullsLast(Comparator.naturalOrder()));
    private static final LocalDate TODAY = LocalDate.of(2026, 10, 28);
    /** Three working days after Wednesday 28 October 2026. */
    private static final LocalDate DUE_SOON_UNTIL = LocalDate.of(2026, 11, 2);

    @Test
    void a_step_whose_due_date_has_passed_is_overdue_even_when_its_report_was_returned() {
        assertThat(Group.of(TODAY.minusDays(1), false, TODAY, DUE_SOON_UNTIL)).isEqualTo(Group.OVERDUE);
        assertThat(Group.of(TODAY.minusDays(1), true, TODAY, DUE_SOON_UNTIL)).isEqualTo(Group.OVERDUE);
    }

    @Test
    void a_step_due_today_or_within_three_working_days_is_due_soon() {
        assertThat(Group.of(TODAY, false, TODAY, DUE_SOON_UNTIL)).isEqualTo(Group.DUE_SOON);
        assertThat(Group.of(DUE_SOON_UNTIL, true, TODAY, DUE_SOON_UNTIL)).isEqualTo(Group.DUE_SOON);
    }

    @Test
    void a_returned_report_due_later_is_returned_and_anything_else_is_new() {
        assertThat(Group.of(DUE_SOON_UNTIL.plusDays(1), true, TODAY, DUE_SOON_UNTIL)).isEqualTo(Group.RETURNED);
        assertThat(Group.of(DUE_SOON_UNTIL.plusDays(1), false, TODAY, DUE_SOON_UNTIL)).isEqualTo(Group.NEW);
        assertThat(Group.of(null, true, TODAY, DUE_SOON_UNTIL)).isEqualTo(Group.RETURNED);
        assertThat(Group.of(null, false, TODAY, DUE_SOON_UNTIL)).isEqualTo(Group.NEW);
    }

    @Test
    void the_inbox_is_ordered_by_group_then_due_date_then_the_plans_order() {
        Item newest = item(Group.NEW, null, 1);
        Item returned = item(Group.RETURNED, "2027-01-11", 1);
        Item dueSoonLater = item(Group.DUE_SOON, "2026-11-02", 1);
        Item dueSoonSecond = item(Group.DUE_SOON, "2026-10-30", 2);
        Item dueSoonFirst = item(Group.DUE_SOON, "2026-10-30", 1);
        Item overdue = item(Group.OVERDUE, "2026-10-22", 9);
        List<Item> items = List.of(newest, returned, dueSoonLater, dueSoonSecond, dueSoonFirst, overdue);

        assertThat(Inbox.byUrgency(items)).containsExactly(overdue, dueSoonFirst, dueSoonSecond, dueSoonLater, returned,
                newest);
    }

    @Test
    void a_busy_inbox_is_sorted_in_the_same_order_with_each_plan_compared_once() {
        Random random = new Random(20261203);
        String[][] plans = {{"p-2", "大足区中医药任务分解"}, {"p-1", "大足区中医药任务分解"}, {"p-3", "渝北区中医药任务分解"},
                {"p-4", null}, {null, null}, {"p-0", "璧山区中医药任务分解"}};
        List<Item> items = new ArrayList<>();
        for (int n = 0; n < 2_000; n++) {
            String[] plan = plans[random.nextInt(plans.length)];
            Instant due = random.nextInt(5) == 0 ? null : Instant.parse("2026-10-20T16:00:00Z")
                    .plusSeconds(86_400L * random.nextInt(4));
            String period = random.nextBoolean() ? null : "2026-Q" + (1 + random.nextInt(4));
            items.add(new Item("ut-" + n, "writeReport", "填报进展", "t-" + n, period, plan[0], plan[1],
                    1 + random.nextInt(6), null, "任务", "区卫生健康委", due,
                    Instant.parse("2026-10-01T01:00:00Z").plusSeconds(random.nextInt(3)),
                    Group.values()[random.nextInt(Group.values().length)], null));
        }
        List<Item> expected = new ArrayList<>(items);
        expected.sort(URGENCY);

        assertThat(Inbox.byUrgency(items)).extracting(Item::userTaskId)
                .containsExactlyElementsOf(expected.stream().map(Item::userTaskId).toList());
    }

    @Test
    void a_returned_reason_is_shown_by_its_first_twenty_characters() {
        assertThat(Inbox.firstWords("缺少资金到位佐证")).isEqualTo("缺少资金到位佐证");
        assertThat(Inbox.firstWords("缺少资金到位佐证，请补充区财政拨付文件和项目进度照片，并说明滞后原因"))
                .isEqualTo("缺少资金到位佐证，请补充区财政拨付文件和…");
        assertThat(Inbox.firstWords("  两行\n理由  ")).isEqualTo("两行 理由");
        assertThat(Inbox.firstWords(null)).isNull();
    }

    @Test
    void counts_name_every_group_in_the_order_of_urgency() {
        Inbox.Counts counts = Inbox.Counts.of(List.of(item(Group.NEW, null, 1), item(Group.OVERDUE, "2026-10-01", 1),
                item(Group.NEW, null, 2)));

        assertThat(counts.groups()).extracting(Inbox.GroupCount::group).containsExactly(Group.values());
        assertThat(counts.of(Group.OVERDUE)).isEqualTo(1);
        assertThat(counts.of(Group.DUE_SOON)).isZero();
        assertThat(counts.of(Group.NEW)).isEqualTo(2);
        assertThat(counts.total()).isEqualTo(3);
    }

    @Test
    void a_filter_narrows_by_plan_step_period_and_group_and_names_itself_in_the_address() {
        Inbox.Filter filter = new Inbox.Filter("p-1", "writeReport", " 2026-Q4 ", Group.RETURNED);

        assertThat(filter.admits(item(Group.RETURNED, "2027-01-11", 1))).isTrue();
        assertThat(filter.admits(item(Group.NEW, "2027-01-11", 1))).isFalse();
        assertThat(filter.query(2)).isEqualTo("plan=p-1&step=writeReport&period=2026-Q4&group=RETURNED&page=2");
        assertThat(new Inbox.Filter("", " ", null, null).narrows()).isFalse();
        assertThat(Inbox.Filter.NONE.query(1)).isEqualTo("page=1");
        assertThat(new Inbox.Filter("计划 一", null, null, null).query(1)).isEqualTo(
                "plan=%E8%AE%A1%E5%88%92%20%E4%B8%80&page=1");
    }

    @Test
    void a_long_inbox_links_the_first_and_last_pages_and_those_near_the_one_shown() {
        assertThat(page(1, 3).links()).containsExactly(1, 2, 3);
        assertThat(page(1, 284).links()).containsExactly(1, 2, 3, 0, 284);
        assertThat(page(50, 284).links()).containsExactly(1, 0, 48, 49, 50, 51, 52, 0, 284);
        assertThat(page(4, 7).links()).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    private static Inbox.Page page(int page, int pages) {
        return new Inbox.Page(List.of(), page, pages, 0, Inbox.Counts.NONE, Inbox.Counts.NONE, List.of(), List.of(),
                List.of());
    }

    private static Item item(Group group, String due, int number) {
        Instant dueAt = due == null ? null : LocalDate.parse(due).atStartOfDay().toInstant(ZoneOffset.ofHours(8));
        return new Item("ut-" + group + number + due, "writeReport", "填报进展", "t-" + number, "2026-Q4", "p-1",
                "大足区中医药任务分解", number, null, "任务", "区卫生健康委", dueAt, Instant.parse("2026-10-15T01:00:00Z"),
                group, null);
    }
}
