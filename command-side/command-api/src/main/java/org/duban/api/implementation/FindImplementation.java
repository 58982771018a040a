package org.duban.api.implementation;

import org.duban.api.Require;

/** How the plans that implement a parent plan are doing, and what of the parent they leave out; answers an {@link Implementation}. */
public record FindImplementation(String planId) {
    public FindImplementation {
        planId = Require.id(planId, "planId");
    }
}
