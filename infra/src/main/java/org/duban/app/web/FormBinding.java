package org.duban.app.web;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Form fields are bound to records by name and nothing else: a field written as a nested path ({@code title.x},
 * or the import page's own {@code review.t3.action}) is not a way into a form's properties. Spring would otherwise
 * try to create the missing object on the way and fail with a 500.
 */
@ControllerAdvice
class FormBinding {

    @InitBinder
    void bindByNameOnly(WebDataBinder binder) {
        binder.setAutoGrowNestedPaths(false);
        binder.setIgnoreInvalidFields(true);
    }
}
