package org.duban.app.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.duban.api.CommandRefused;
import org.duban.app.axon.EventHandlerFailed;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.function.Supplier;

/**
 * How a page's form does something: in one transaction, then back to the page with a notice of what was done, or
 * with the refusal (bad input, a step no longer waiting, something missing, a race lost to another user) and
 * nothing changed. A race is tried again as the API does ({@link Retries}). A user who may not act still gets the
 * 403 page.
 */
@Component
public class PageActions {
    public static final String DONE = "done";
    public static final String PROBLEM = "problem";
    private final Retries retries;

    PageActions(Retries retries) {
        this.retries = retries;
    }

    public String run(String backTo, RedirectAttributes flash, String done, Runnable action) {
        return run(backTo, flash, () -> {
            action.run();
            return done;
        });
    }

    /** @param action does the work and tells what it did */
    public String run(String backTo, RedirectAttributes flash, Supplier<String> action) {
        try {
            flash.addFlashAttribute(DONE, retries.attempt("this page", action));
        } catch (RuntimeException e) {
            String refusal = refusal(e);
            if (refusal == null) {
                throw e;
            }
            flash.addFlashAttribute(PROBLEM, refusal);
        }
        return "redirect:" + backTo;
    }

    /** What to tell the user of a refusal, or null when it is not one. */
    private static String refusal(RuntimeException e) {
        if (EventHandlerFailed.in(e) != null) {
            // a view that could not apply the event is the server's defect, not the user's input
            return null;
        }
        if (Races.lost(e)) {
            return Races.changedMeanwhile("this page", e).getMessage();
        }
        for (Class<? extends RuntimeException> kind : List.of(CommandRefused.class,
                IllegalArgumentException.class, NotFound.class,
                AggregateNotFoundException.class)) {
            RuntimeException found = Causes.find(e, kind);
            if (found != null) {
                return found.getMessage();
            }
        }
        return null;
    }
}
