package org.duban.app.security;

import jakarta.servlet.Filter;

/**
 * A filter that narrows what some signed-in accounts may reach, after the usual rules let the request through (an
 * evaluator's account bound to one round reaches only that round). Both filter chains run it after authorization.
 * Declare such a filter's bean with a disabled {@code FilterRegistrationBean}, so the container does not run it again.
 */
public interface AccountRestriction extends Filter {
}
