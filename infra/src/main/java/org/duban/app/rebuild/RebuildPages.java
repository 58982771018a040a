package org.duban.app.rebuild;

import org.duban.app.web.NotFound;
import org.duban.app.web.PageActions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page: the projections with their rows, a rebuild button for each and for all, the progress. */
@Controller
@RequestMapping("/admin/projections")
@PreAuthorize("hasRole('ADMIN')")
class RebuildPages {
    private final ProjectionRebuild rebuild;

    RebuildPages(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
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
            flash.addFlashAttribute(PageActions.DONE, "已开始重建 Rebuild started: " + String.join(", ", started.projections()));
        } catch (RebuildRefused | NotFound e) {
            flash.addFlashAttribute(PageActions.PROBLEM, e.getMessage());
        }
        return "redirect:/admin/projections";
    }
}
