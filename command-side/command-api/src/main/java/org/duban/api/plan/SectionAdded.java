package org.duban.api.plan;

import org.axonframework.serialization.Revision;

/** @param position the section's place among its siblings, from 1 */
@Revision("1")
public record SectionAdded(String planId, String sectionId, String parentSectionId, int level, String code,
                           String title, int position) {
}
