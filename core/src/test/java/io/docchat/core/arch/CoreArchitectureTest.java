package io.docchat.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the core free of frameworks and adapters: it depends on the JDK, Guava, slf4j and ICU4J (its Traditional to
 * Simplified Chinese transform, so that both scripts match) only, so that any host can embed it and every backend
 * stays replaceable. The domain (model, ports, facade API) also stays free of the
 * services that implement it.
 */
@AnalyzeClasses(packages = "io.docchat.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule core_uses_no_framework_or_adapter_technology = noClasses()
            .that().resideInAPackage("io.docchat.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.fasterxml.jackson..",
                    "org.jdbi..",
                    "org.apache.lucene..",
                    "org.apache.pdfbox..",
                    "org.apache.poi..",
                    "org.jsoup..",
                    "com.sun.net.httpserver..",
                    "picocli..",
                    "org.sqlite..",
                    "java.sql..")
            .because("core depends on the JDK, Guava, slf4j and ICU4J only; technologies live in the adapters");

    @ArchTest
    static final ArchRule domain_does_not_depend_on_its_implementations = noClasses()
            .that().resideInAnyPackage("io.docchat.core.model..", "io.docchat.core.port..", "io.docchat.core.api..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.docchat.core.engine..", "io.docchat.core.memory..", "io.docchat.core.text..")
            .because("the domain and its ports are the contract; services and adapters implement it, not the reverse");

    @ArchTest
    static final ArchRule core_knows_no_adapter_module = noClasses()
            .that().resideInAPackage("io.docchat.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.docchat.sqlite..", "io.docchat.lucene..", "io.docchat.documents..", "io.docchat.openai..",
                    "io.docchat.http..", "io.docchat.postgres..", "io.docchat.cli..")
            .because("adapters depend on core, never the other way round");

    @ArchTest
    static final ArchRule engine_flows_do_not_depend_on_each_other_in_a_cycle = slices()
            .matching("io.docchat.core.engine.(*)..")
            .should().beFreeOfCycles()
            .because("each flow package (ingest, index, chat, catalog) builds on the ones below it, never back");

    @ArchTest
    static final ArchRule engine_flows_are_used_only_by_the_engine = classes()
            .that().resideInAnyPackage(
                    "io.docchat.core.engine.ingest..", "io.docchat.core.engine.index..",
                    "io.docchat.core.engine.chat..", "io.docchat.core.engine.catalog..")
            .should().onlyBeAccessed().byAnyPackage("io.docchat.core.engine..")
            .because("the services are public only for the wiring; everyone else goes through the DocChat facade");

    @ArchTest
    static final ArchRule text_concerns_stay_apart = noClasses()
            .that().resideInAnyPackage("io.docchat.core.text.analysis..", "io.docchat.core.text.rendering..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.docchat.core.text.parsing..", "io.docchat.core.text.chunking..")
            .because("search analysis and rendering stand on the model alone, not on how text was parsed or cut");
}
