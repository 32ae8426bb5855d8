package io.docchat.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the core free of frameworks and adapters: it depends on the JDK, Guava and slf4j only, so that any host can
 * embed it and every backend stays replaceable. The domain (model, ports, facade API) also stays free of the
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
            .because("core depends on the JDK, Guava and slf4j only; technologies live in the adapters");

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
}
