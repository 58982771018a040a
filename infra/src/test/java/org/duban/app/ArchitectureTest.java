package org.duban.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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
            .should().dependOnClassesThat().resideInAnyPackage(DOMAIN, PROCESS, INFRA, "org.camunda..");

    @ArchTest
    static final ArchRule processes_use_only_the_command_contract = noClasses().that().resideInAPackage(PROCESS)
            .should().dependOnClassesThat().resideInAnyPackage(DOMAIN, QUERY, INFRA);

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
