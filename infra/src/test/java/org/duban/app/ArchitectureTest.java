package org.duban.app;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;

import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/** The arrows of the architecture brief: infra → processes, query-side → command-side (its contract only). */
@AnalyzeClasses(packages = "org.duban", importOptions = ImportOption.DoNotIncludeTests.class)
public class ArchitectureTest {

    private static final String API = "org.duban.api..";
    private static final String DOMAIN = "org.duban.command..";
    private static final String QUERY = "org.duban.query..";
    private static final String PROCESS = "org.duban.process..";
    private static final String INFRA = "org.duban.app..";
    private static final String CAMUNDA = "org.camunda..";

    @ArchTest
    static final ArchRule modules_depend_inwards = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("infra").definedBy(INFRA)
            .layer("processes").definedBy(PROCESS)
            .layer("query-side").definedBy(QUERY)
            .layer("command-domain").definedBy(DOMAIN)
            .layer("command-api").definedBy(API)
            .whereLayer("infra").mayNotBeAccessedByAnyLayer()
            .whereLayer("processes").mayOnlyBeAccessedByLayers("infra")
            .whereLayer("query-side").mayOnlyBeAccessedByLayers("infra")
            .whereLayer("command-domain").mayOnlyBeAccessedByLayers("infra")
            .whereLayer("command-api").mayOnlyBeAccessedByLayers("infra", "processes", "query-side", "command-domain");

    @ArchTest
    static final ArchRule query_side_uses_only_the_command_contract = noClasses().that().resideInAPackage(QUERY)
            .should().dependOnClassesThat().resideInAnyPackage(DOMAIN, PROCESS, INFRA, CAMUNDA);

    @ArchTest
    static final ArchRule processes_use_only_the_command_contract = noClasses().that().resideInAPackage(PROCESS)
            .should().dependOnClassesThat().resideInAnyPackage(DOMAIN, QUERY, INFRA);

    /** The process engine is an implementation detail of {@code processes}: everything else asks it in Duban's terms. */
    @ArchTest
    static final ArchRule only_processes_know_the_workflow_engine = noClasses().that()
            .resideInAnyPackage(INFRA, API, DOMAIN, QUERY)
            .should().dependOnClassesThat().resideInAPackage(CAMUNDA);

    /**
     * What {@code processes} offers takes and answers Duban's values; only the listeners and delegates that the
     * engine itself calls see its types.
     */
    @ArchTest
    static final ArchRule processes_offer_no_engine_types = methods().that().areDeclaredInClassesThat()
            .resideInAPackage(PROCESS).and().arePublic()
            .and().areDeclaredInClassesThat(not(calledByTheEngine()))
            .should(new ArchCondition<JavaMethod>("take and answer no type of the process engine") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    Stream.concat(Stream.of(method.getReturnType()), method.getParameterTypes().stream())
                            .flatMap(type -> type.getAllInvolvedRawTypes().stream())
                            .filter(type -> type.getPackageName().startsWith("org.camunda"))
                            .forEach(type -> events.add(SimpleConditionEvent.violated(method,
                                    method.getFullName() + " names " + type.getName())));
                }
            });

    private static DescribedPredicate<JavaClass> calledByTheEngine() {
        return JavaClass.Predicates.assignableTo(TaskListener.class)
                .or(JavaClass.Predicates.assignableTo(JavaDelegate.class))
                .or(JavaClass.Predicates.assignableTo(ExecutionListener.class))
                // configures the engine as it is built (the node's id as lock owner, the inboxes' ledger)
                .or(JavaClass.Predicates.assignableTo(ProcessEnginePlugin.class))
                // adds the ledger's listener to each user task as the engine parses the models
                .or(JavaClass.Predicates.assignableTo(BpmnParseListener.class));
    }

    /**
     * The application is packaged by feature ({@code plan}, {@code task}, {@code reporting}, {@code audit},
     * {@code rebuild}, {@code calendar}, {@code unit}, …): features may use each other, never in a cycle, so that
     * each can be read, tested and changed from its own package outwards. The shared infrastructure that every
     * feature builds on is outside the rule: {@code web} (problems, page actions, retries), {@code security} (users
     * and who may act on what), {@code axon} (message wiring) and {@code persistence} (dialect, row locks).
     */
    @ArchTest
    static final ArchRule features_use_each_other_without_cycles = slices().matching("org.duban.app.(*)..")
            .should().beFreeOfCycles()
            .ignoreDependency(DescribedPredicate.alwaysTrue(), JavaClass.Predicates.resideInAnyPackage(
                    "org.duban.app.web..", "org.duban.app.security..", "org.duban.app.axon..",
                    "org.duban.app.persistence.."));

    @ArchTest
    static final ArchRule the_domain_knows_no_web_workflow_engine_or_database = noClasses().that()
            .resideInAnyPackage(DOMAIN, API)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                    "org.camunda..", "jakarta.persistence..", "org.hibernate..", "org.springframework.data..",
                    "org.springframework.jdbc..", "java.sql..", "java.net.http..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule the_contract_depends_on_nothing_but_java_axon_annotations_and_itself = classes().that()
            .resideInAPackage(API)
            .should().onlyDependOnClassesThat().resideInAnyPackage(API, "java..",
                    "org.axonframework.modelling.command..", "org.axonframework.serialization..",
                    "com.fasterxml.jackson.annotation..");

    @ArchTest
    static final ArchRule messages_are_records = classes().that().resideInAPackage("org.duban.api.(*)..")
            .and().areNotEnums().and().areTopLevelClasses()
            .should().beRecords()
            // value helpers such as UnitIds hold no state and cannot be instantiated
            .orShould().haveOnlyPrivateConstructors();
}
