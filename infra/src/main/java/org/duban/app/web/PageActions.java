package org.duban.app.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.duban.api.CommandRefused;
import org.duban.app.axon.EventHandlerFailed;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.function.Supplier;

/**
 * How a page's form does something: in one transaction, then back to the page with a notice of what was done, or
 * with the refusal (bad input, a step no longer waiting, something missing, a race lost to another user) and
 * nothing changed. A race is tried again as the API does ({@link Retries}). A user who may not act still gets the
 * 403 page. Notices and refusals are sentences in the reader's language: a refusal's code names it in the bundles
 * ({@code refusal.<code>}); one without a sentence there is shown as the domain stated it.
 */
@Component
public class PageActions {
    public static final String DONE = "done";
    public static final String PROBLEM = "problem";
    private final Retries retries;
    private final MessageSource messages;

    PageActions(Retries retries, MessageSource messages) {
        this.retries = retries;
        this.messages = messages;
    }

    /** @param doneKey the bundle key of the notice shown when the action succeeded */
    public String run(String backTo, RedirectAttributes flash, String doneKey, Runnable action) {
        return run(backTo, flash, () -> {
            action.run();
            return new PageMessage(doneKey);
        });
    }

    /** @param action does the work and tells what it did */
    public String run(String backTo, RedirectAttributes flash, Supplier<PageMessage> action) {
        try {
            flash.addFlashAttribute(DONE, sentence(retries.attempt("this page", action)));
        } catch (RuntimeException e) {
            String refusal = refusal(e);
            if (refusal == null) {
                throw e;
            }
            flash.addFlashAttribute(PROBLEM, refusal);
        }
        return "redirect:" + backTo;
    }

    /** The message in the reader's language. */
    public String sentence(PageMessage message) {
        return messages.getMessage(message.key(), message.args(), message.key(), LocaleContextHolder.getLocale());
    }

    /** What to tell the user of a refusal, or null when it is not one. */
    public String refusal(RuntimeException e) {
        if (EventHandlerFailed.in(e) != null) {
            // a view that could not apply the event is the server's defect, not the user's input
            return null;
        }
        if (Races.lost(e)) {
            return sentence(new PageMessage("refusal.changed-meanwhile"));
        }
        CommandRefused refused = Causes.find(e, CommandRefused.class);
        if (refused != null) {
            return messages.getMessage("refusal." + refused.code(), null, refused.getMessage(),
                    LocaleContextHolder.getLocale());
        }
        for (Class<? extends RuntimeException> kind : List.of(IllegalArgumentException.class, NotFound.class,
                AggregateNotFoundException.class)) {
            RuntimeException found = Causes.find(e, kind);
            if (found != null) {
                return found.getMessage();
            }
        }
        return null;
    }
}
