package org.duban.api.task;

import org.duban.api.unit.UnitIds;
import org.duban.api.unit.UnitRef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The units an adjustment of kind {@link AdjustmentKind#UNITS} proposes, written as people write it:
 * {@code 牵头单位：区市场监管局；配合单位：区卫生健康委、区财政局} (the labels may be left out; co-units are
 * separated by 、 or a comma, and may be none). A unit's id follows from its name ({@link UnitIds}).
 */
public record UnitChange(UnitRef leadUnit, List<UnitRef> coUnits) {
    private static final String LEAD = "牵头单位：";
    private static final String CO = "配合单位：";

    public UnitChange {
        if (leadUnit == null) {
            throw new IllegalArgumentException("a change of units names a lead unit");
        }
        coUnits = List.copyOf(coUnits);
    }

    /** @throws IllegalArgumentException naming what is missing or repeated */
    public static UnitChange parse(String proposal) {
        String[] parts = proposal.strip().split("[；;]", 2);
        String lead = unlabel(parts[0], "牵头单位", "牵头");
        if (lead.isEmpty() || lead.startsWith("配合")) {
            throw new IllegalArgumentException("proposal \"" + proposal + "\" names no lead unit; write it as "
                    + LEAD + "区市场监管局；" + CO + "区卫生健康委、区财政局");
        }
        Set<String> co = new LinkedHashSet<>();
        if (parts.length > 1) {
            for (String name : unlabel(parts[1], "配合单位", "配合").split("[、,，]")) {
                if (!name.isBlank() && !co.add(name.strip())) {
                    throw new IllegalArgumentException("proposal \"" + proposal + "\" names co-unit " + name.strip()
                            + " twice");
                }
            }
        }
        if (co.contains(lead)) {
            throw new IllegalArgumentException("proposal \"" + proposal + "\" names " + lead
                    + " both as lead unit and as co-unit");
        }
        List<UnitRef> coUnits = new ArrayList<>();
        co.forEach(name -> coUnits.add(ref(name)));
        return new UnitChange(ref(lead), coUnits);
    }

    /** The proposal as it is recorded: both labels, the units' names. */
    public String text() {
        return LEAD + leadUnit.name() + "；" + CO + String.join("、", coUnits.stream().map(UnitRef::name).toList());
    }

    /** An adjustment's units are given exactly when it is of kind {@link AdjustmentKind#UNITS}. */
    static void requireFor(AdjustmentKind kind, UnitChange units) {
        if ((kind == AdjustmentKind.UNITS) != (units != null)) {
            throw new IllegalArgumentException(kind == AdjustmentKind.UNITS
                    ? "an adjustment of kind UNITS names the units proposed"
                    : "units are proposed only by an adjustment of kind UNITS, not " + kind);
        }
    }

    public static UnitRef ref(String name) {
        return new UnitRef(UnitIds.of(name), name.strip());
    }

    private static String unlabel(String part, String... labels) {
        String text = part.strip();
        for (String label : Arrays.asList(labels)) {
            if (text.startsWith(label)) {
                text = text.substring(label.length()).strip();
                if (text.startsWith("：") || text.startsWith(":")) {
                    text = text.substring(1).strip();
                }
                break;
            }
        }
        return text;
    }
}
