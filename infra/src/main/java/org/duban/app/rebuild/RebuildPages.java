package org.duban.app.rebuild;

import org.duban.app.web.NotFound;
import org.duban.app.web.PageActions;
import org.duban.app.web.PageMessage;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Locale;
import java.util.stream.Collectors;

/** The administrator's page: the projections with their rows, a rebuild button for each and for all, the progress. */
@Controller
@RequestMapping("/admin/projections")
@PreAuthorize("hasRole('ADMIN')")
class RebuildPages {
    private final ProjectionRebuild rebuild;
    private final PageActions actions;
    private final MessageSource messages;

    RebuildPages(ProjectionRebuild rebuild, PageActions actions, MessageSource messages) {
        this.rebuild = rebuild;
        this.actions = actions;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("projections", rebuild.projections());
        model.addAttribute("run", rebuild.progress().orElse(null));
        return "admin/projections";
    }

    /** Polled by the page every second while a run is going on. */
    @GetMapping("/progress")
    String progress(Model model) {
        model.addAttribute("run", rebuild.progress().orElse(null));
        return "admin/projections :: progress";
    }

    @PostMapping("/rebuild")
    String start(@RequestParam(required = false) String projection, RedirectAttributes flash) {
        try {
            RebuildProgress started = rebuild.start(projection);
            Locale locale = LocaleContextHolder.getLocale();
            String names = started.projections().stream()
                    .map(name -> messages.getMessage("admin.projection." + name, null, name, locale))
                    .collect(Collectors.joining("、"));
            flash.addFlashAttribute(PageActions.DONE, actions.sentence(new PageMessage("admin.started", names)));
        } catch (RebuildRefused e) {
            flash.addFlashAttribute(PageActions.PROBLEM, actions.sentence(new PageMessage("admin.refused")));
        } catch (NotFound e) {
            flash.addFlashAttribute(PageActions.PROBLEM, actions.sentence(new PageMessage("admin.unknown", projection)));
        }
        return "redirect:/admin/projections";
    }
}
