package org.duban.app.rebuild;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.duban.query.ProjectionTables;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A projection that cannot reset itself, or does not say which tables it owns, cannot be rebuilt. */
class RebuildArchitectureTest {
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.duban");

    static ArchRule projectionsCanBeRebuilt(String packages) {
        return classes().that().resideInAPackage(packages).and(HANDLE_EVENTS)
                .should(new ArchCondition<>("have a @ResetHandler method and declare their tables with @ProjectionTables") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        boolean resets = type.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(ResetHandler.class));
                        boolean declares = type.isAnnotatedWith(ProjectionTables.class);
                        if (!resets || !declares) {
                            events.add(SimpleConditionEvent.violated(type, type.getName() + " handles events but "
                                    + (resets ? "" : "has no @ResetHandler method that empties its tables")
                                    + (!resets && !declares ? " and " : "")
                                    + (declares ? "" : "does not declare its tables with @ProjectionTables")));
                        }
                    }
                });
    }

    private static final DescribedPredicate<JavaClass> HANDLE_EVENTS = new DescribedPredicate<>("handle events") {
        @Override
        public boolean test(JavaClass type) {
            return type.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(EventHandler.class));
        }
    };

    @Test
    void every_projection_resets_itself_and_names_its_tables() {
        ArchRule rule = projectionsCanBeRebuilt("org.duban.query..");
        rule.check(PRODUCTION);
        assertThat(PRODUCTION.stream().filter(type -> type.getPackageName().startsWith("org.duban.query"))
                .filter(HANDLE_EVENTS)).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void a_projection_without_a_reset_handler_breaks_the_rule() {
        JavaClasses forgetful = new ClassFileImporter().importClasses(ForgetfulProjection.class);
        assertThatThrownBy(() -> projectionsCanBeRebuilt("org.duban.app.rebuild..").check(forgetful))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("has no @ResetHandler method")
                .hasMessageContaining("does not declare its tables");
    }

    static class ForgetfulProjection {
        @EventHandler
        void on(String event) {
        }
    }
}
